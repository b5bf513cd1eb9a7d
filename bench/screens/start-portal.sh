# Sourced by bench/screens/run.sh and bench/forms/capture.sh with $build, $out and $port set: a fresh, seeded portal
# from a build, an administrator made with create-admin ($password), two-factor sign-in off; stopped on exit.
data=$(mktemp -d)
export Data__Directory=$data ASPNETCORE_ENVIRONMENT=Production Security__RequireTwoFactorForStaff=false Security__AllowInsecureCookies=true
password="quay bollard fender 2031"
(cd "$build" && echo "$password" | dotnet PortCooperation.Web.dll create-admin --email staff@example.org >/dev/null)
(cd "$build" && exec dotnet PortCooperation.Web.dll --urls "http://127.0.0.1:$port") > "$out.app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/health/live" >/dev/null; do sleep 0.5; done
