-- wrk script: POST /api/v1/auth/token as the demo users in turn. USERS and PASSWORD are set by sign-in.sh.
local bodies = {}
local next_body = 0

init = function(args)
  local password = os.getenv("PASSWORD")
  for user in string.gmatch(os.getenv("USERS") or "", "%S+") do
    bodies[#bodies + 1] = string.format('{"username":"%s","password":"%s"}', user, password)
  end
  next_body = math.random(#bodies)
end

request = function()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/v1/auth/token", { ["Content-Type"] = "application/json" }, bodies[next_body])
end

dofile("bench/load/summary.lua")
