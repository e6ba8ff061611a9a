-- Gives each wrk thread its own random sequence, and each request its own client address (sent as
-- X-Forwarded-For through the trusted proxy), so that rate limits stay out of the measurement.
-- setup runs in the main Lua state; thread:set gives each thread's own state a global "thread_id"
-- (a local of that name would shadow it, and every thread would post from the same addresses).
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

function init(args)
  math.randomseed(os.time() * 1000 + thread_id)
end

function client_ip()
  return "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
end
