#!/usr/bin/env python3
"""Puts the dev realm's demo vendors on the approved list of information handlers (R-SEC-1), for ./kiban up.

The dev realm hands no demo user the realm role approved-handler: the approved list in lifecycle-service is the
truth, and its reconciler takes the role from anyone not on it. So after the services are up, jpo-admin1 proposes
vendor-a1, vendor-b1 and support1 for their organisations and jpo-admin2 approves each entry with If-Match of the
version it read (R-SEC-2: the proposer never approves). vendor-a2 stays off the list (it shows what R-SEC-1 does).
Entries already approved are left alone, so running it twice changes nothing.

    scripts/demo-handlers.py KEYCLOAK_URL LIFECYCLE_URL
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

DEMO = {"vendor-a1": "vendor-a", "vendor-b1": "vendor-b", "support1": "support-co"}


def call(method, url, token=None, body=None, headers=None, form=None):
    data = None
    hdrs = {"Accept": "application/json, application/problem+json"}
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        hdrs["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        hdrs["Content-Type"] = "application/json"
    if token:
        hdrs["Authorization"] = "Bearer " + token
    hdrs.update(headers or {})
    req = urllib.request.Request(url, data=data, headers=hdrs, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            raw = resp.read()
            return resp.status, resp.headers, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, e.headers, json.loads(raw)
        except ValueError:
            return e.code, e.headers, raw.decode(errors="replace")


def token(keycloak, user):
    status, _, answer = call("POST", keycloak + "/realms/kiban/protocol/openid-connect/token",
                             form={"grant_type": "password", "client_id": "kiban-cli", "username": user,
                                   "password": user, "scope": "openid"})
    if status != 200:
        sys.exit(f"demo-handlers: no token for {user}: HTTP {status} {answer}")
    return answer["access_token"]


def proposal(user, org):
    return {"name": "Demo " + user, "organisation": org, "address": "東京都千代田区霞が関3-4-3",
            "dateOfBirth": "1985-04-01", "department": org + " infrastructure services", "position": "engineer",
            "role": "backup operations (support)" if user.startswith("support") else "field engineer (maintenance)",
            "affiliation": org, "expertise": "server and storage maintenance; information security training 2026",
            "trackRecord": "maintenance of government infrastructure since 2015", "nationality": "Japan",
            "accountId": user}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    keycloak, lifecycle = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/")
    admin1, admin2 = token(keycloak, "jpo-admin1"), token(keycloak, "jpo-admin2")
    status, _, listed = call("GET", lifecycle + "/handlers?size=200", admin1)
    if status != 200:
        sys.exit(f"demo-handlers: GET /handlers answered {status}: {listed}")
    for user, org in DEMO.items():
        mine = [h for h in listed if h.get("accountId") == user]
        if any(h.get("status") == "APPROVED" for h in mine):
            print(f"demo-handlers: {user} is already an approved handler")
            continue
        pending = [h for h in mine if h.get("status") == "PROPOSED"]
        if pending:
            entry_id = pending[0]["id"]
        else:
            status, _, created = call("POST", lifecycle + "/handlers", admin1, proposal(user, org))
            if status != 201:
                sys.exit(f"demo-handlers: proposing {user} answered {status}: {created}")
            entry_id = created["id"]
        status, headers, _ = call("GET", f"{lifecycle}/handlers/{entry_id}", admin2)
        if status != 200:
            sys.exit(f"demo-handlers: reading entry {entry_id} answered {status}")
        status, _, approved = call("POST", f"{lifecycle}/handlers/{entry_id}/approval", admin2,
                                   body={}, headers={"If-Match": headers["ETag"]})
        if status != 200:
            sys.exit(f"demo-handlers: approving {user} answered {status}: {approved}")
        print(f"demo-handlers: {user} ({org}) approved as an information handler (R-SEC-1)")


if __name__ == "__main__":
    main()
