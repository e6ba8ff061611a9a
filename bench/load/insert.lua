-- The bare counterpart of post.lua: one durable row per request.
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("POST", "/bare/insert", { ["Content-Type"] = "text/plain" }, "Mon avis numero " .. counter)
end
