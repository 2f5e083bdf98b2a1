-- Every request a new spelling of /status/stepfun: a random path parameter, half of them percent-encoded.
local counter = 0
request = function()
  counter = counter + 1
  local r = math.random(1, 1000000000) .. counter
  if counter % 2 == 0 then
    return wrk.format("GET", "/status/stepfun;v=" .. r)
  end
  return wrk.format("GET", "/status/%73tepfun;jsessionid=" .. r)
end
