-- Upstream answered 429: no turn of this bucket before `pause` ms from now (Redis' clock).
-- A pause is only ever extended. KEYS[1] pause; ARGV[1] pause ms. Returns the pause left.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then
  redis.call('SET', KEYS[1], string.format('%.0f', untilMs), 'PX', tonumber(ARGV[1]) + 1000)
  return untilMs - now
end
return current - now
