-- wrk script: PUT a realization into worksheet lines spread over several agencies, as units do near a
-- deadline. TARGETS (set by save-cell.sh) is "path token;path token;..." with one entry per line.
local targets = {}
local statuses = {}

init = function(args)
  for entry in string.gmatch(os.getenv("TARGETS") or "", "[^;]+") do
    local path, token = string.match(entry, "(%S+) (%S+)")
    targets[#targets + 1] = { path = path, token = token }
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local t = targets[math.random(#targets)]
  local body = string.format('{"realization": %d.%02d}', math.random(1, 999), math.random(0, 99))
  return wrk.format("PUT", t.path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. t.token }, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

dofile("bench/load/summary.lua")
