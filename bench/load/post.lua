-- POSTs a new comment from a new address each time, to one article or spread over ARTICLES of them.
-- Environment: ARTICLE (a key prefix), ARTICLES (how many articles; 1 for a hot one).
-- Needs addresses.lua before it.
local article = os.getenv("ARTICLE") or "bench/hot"
local articles = tonumber(os.getenv("ARTICLES") or "1")
local counter = 0

request = function()
  counter = counter + 1
  local key = article
  if articles > 1 then
    key = article .. "-" .. math.random(1, articles)
  end
  local body = string.format('{"authorName":"Lecteur %d","authorEmail":"l%d-%d@example.org","body":"Mon avis numero %d-%d sur cet article, %d."}',
    thread_id, thread_id, counter, thread_id, counter, math.random(1, 1000000000))
  return wrk.format("POST", "/api/v1/articles/" .. key:gsub("/", "%%2F") .. "/comments",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = client_ip() }, body)
end
