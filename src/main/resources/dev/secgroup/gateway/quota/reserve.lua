-- Sliding-window reservation (secgroup-gateway upstream quotas; docs/quotas.md).
-- At most `limit` turns in any window of `window` ms, handed out in arrival order: a new
-- turn is at least a whole window after the turn `limit` places before it, and after the
-- pause set when upstream answered 429. Times are Redis' own clock (TIME), so replicas
-- with skewed clocks still agree; callers get the wait relative to it.
-- KEYS[1] turns (list of reserved times in ms, ascending: the last `limit` of those less than
--         a window old, so that a call costs the same whatever the quota)
-- KEYS[2] pause (time in ms before which no turn is given)
-- KEYS[3] the caller's turns still to come (sorted set scored by time)
-- ARGV: limit, window ms, longest wait ms, turns the caller may have waiting, member id
-- Returns {outcome (1 granted, 0 no turn in time, -1 too many waiting), wait ms, remaining}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local maxWaiting = tonumber(ARGV[4])

-- A turn a whole window old constrains no later one: drop it (amortized O(1) per call).
while true do
  local first = redis.call('LINDEX', KEYS[1], 0)
  if not first or tonumber(first) > now - window then
    break
  end
  redis.call('LPOP', KEYS[1])
end
local count = redis.call('LLEN', KEYS[1])
local at = now
if count >= limit then
  at = math.max(at, tonumber(redis.call('LINDEX', KEYS[1], -limit)) + window)
end
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > at then
  at = paused
end
local wait = at - now
if wait > maxWait then
  return {0, wait, 0}
end
if wait > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
  if redis.call('ZCARD', KEYS[3]) >= maxWaiting then
    return {-1, wait, 0}
  end
  redis.call('ZADD', KEYS[3], at, ARGV[5])
  redis.call('PEXPIRE', KEYS[3], wait + 1000)
end
redis.call('RPUSH', KEYS[1], string.format('%.0f', at))
redis.call('LTRIM', KEYS[1], -limit, -1)
redis.call('PEXPIRE', KEYS[1], wait + window + 1000)
-- Every turn kept is less than a window old: this one and up to limit - 1 before it count.
local used = math.min(count + 1, limit)
return {1, wait, math.max(0, limit - used)}
