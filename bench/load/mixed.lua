-- The hot article during a breaking story: 95 % of requests read its thread page, 5 % post to it.
-- Environment: ARTICLE (the article's key). Needs addresses.lua before it.
local article = os.getenv("ARTICLE") or "bench/hot"
local path = "/api/v1/articles/" .. article:gsub("/", "%%2F") .. "/comments"
local page = path .. "?limit=20"
local counter = 0

request = function()
  counter = counter + 1
  if math.random(1, 100) > 5 then
    return wrk.format("GET", page, { ["X-Forwarded-For"] = client_ip() })
  end
  local body = string.format('{"authorName":"Lecteur %d","authorEmail":"m%d-%d@example.org","body":"Mon avis numero %d-%d sur ce direct, %d."}',
    thread_id, thread_id, counter, thread_id, counter, math.random(1, 1000000000))
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client_ip() }, body)
end
