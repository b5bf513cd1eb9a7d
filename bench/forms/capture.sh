#!/usr/bin/env bash
# bench/forms/capture.sh BUILD_DIR OUT_DIR [PORT]: the HTML of every page with a form whose names come from the model (public pages, and the staff pages signed in as an administrator made with create-admin, two-factor sign-in off as in bench/screens/run.sh), one file per line of pages.txt. Build with dotnet build (or publish) and pass the folder of PortCooperation.Web.dll.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build=$1; out=$2; port=${3:-5995}
mkdir -p "$out"
source "$here/../screens/start-portal.sh"
b="http://127.0.0.1:$port"
jar=$out.jar; rm -f $jar
tok=$(curl -s -c $jar -b $jar "$b/Identity/Account/Login" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c $jar -b $jar -o /dev/null -w "login %{http_code} %{redirect_url}\n" --data-urlencode "Email=staff@example.org" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$tok" "$b/Identity/Account/Login"
acct=$(curl -s -c $jar -b $jar "$b/Admin/Accounts" | grep -o '/Admin/Accounts/Edit/[^"]*' | head -1 | sed 's#.*/##')
while read -r name path; do
  path=${path//\{ACCOUNT\}/$acct}
  [ -z "$name" ] && continue
  curl -s -c $jar -b $jar -w "%{http_code} $name\\n" -o "$out/$name.html" "$b$path"
done < "$here/pages.txt"
