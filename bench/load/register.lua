-- Posts the registration form with a new e-mail address each time (wrk -s register.lua).
-- run.sh sets TOKEN (the form's antiforgery token) and COOKIE (the matching antiforgery cookie) in the environment.
local counter = 0
local token = os.getenv("TOKEN")
local cookie = os.getenv("COOKIE")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = cookie
request = function()
  counter = counter + 1
  local email = "load-" .. counter .. "-" .. math.random(1, 1000000000) .. "@example.org"
  local body = "__RequestVerificationToken=" .. token .. "&FullName=Load+Test&Email=" .. email ..
    "&Organisation=Port+Authority&Country=PA&Language=en&Consent=true&Website="
  return wrk.format(nil, nil, nil, body)
end
