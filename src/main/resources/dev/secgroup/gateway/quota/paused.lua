-- How long this bucket is still paused, in ms (0 when it is not). KEYS[1] pause.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
return math.max(0, paused - now)
