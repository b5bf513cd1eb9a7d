-- Adds a unique query parameter to every request so the output cache never answers (uncached figures).
local counter = 0
request = function()
  counter = counter + 1
  local path = wrk.path
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, path .. sep .. "nocache=" .. counter .. "-" .. math.random(1, 1000000000))
end
