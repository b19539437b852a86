#!/usr/bin/env python3
"""Asserts the hardening of the production realm (issue #15, item 9) on a real Keycloak.

Run by scripts/realm-check.sh, which starts Keycloak 26.7.3 over HTTPS with
scripts/keycloak/kiban-realm.prod.json imported unchanged (random client secrets from the environment)
and calls:  realm-check.py <base-url> <admin-password> <lifecycle-secret> <asset-secret>

Every check prints "ok   <id> <what>" or "FAIL <id> <what>: <why>"; the exit code is the number of
failures (0 = all passed). The checks read the settings through the admin REST API *and* exercise
them (password policy, brute force, OTP, audiences, the lifecycle-service client's permissions).
"""
import base64
import hashlib
import hmac
import html
import http.cookiejar
import json
import os
import re
import secrets
import ssl
import struct
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import kiban_services

BASE, ADMIN_PASSWORD, LIFECYCLE_SECRET, ASSET_SECRET = sys.argv[1:5]
REALM = "kiban"
R = f"/admin/realms/{REALM}"
SERVICES = kiban_services.modules()  # the services' clients: KIBAN_SERVICES of scripts/lib.sh, <name>-service
SWAGGER_REDIRECT = "https://asset.staging.kiban.internal/q/swagger-ui/oauth2-redirect.html"
# the console's client (issue #17): only the hosts of k8s/overlays/{production,staging}
CONSOLE_REDIRECTS = ["https://console.prod.kiban.internal/*", "https://console.staging.kiban.internal/*"]
CONSOLE_HOME = "https://console.prod.kiban.internal/"
CTX = ssl.create_default_context()
CTX.check_hostname = False
CTX.verify_mode = ssl.CERT_NONE  # the throw-away self-signed certificate of realm-check.sh

failures = 0


def check(ok, cid, what, why=""):
    global failures
    if ok:
        print(f"ok   {cid} {what}")
    else:
        failures += 1
        print(f"FAIL {cid} {what}: {why}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener(jar=None):
    handlers = [urllib.request.HTTPSHandler(context=CTX), NoRedirect()]
    if jar is not None:
        handlers.append(urllib.request.HTTPCookieProcessor(jar))
    return urllib.request.build_opener(*handlers)


def call(method, path, body=None, token=None, form=None, op=None):
    url = path if path.startswith("http") else BASE + path
    data, headers = None, {}
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with (op or opener()).open(req, timeout=60) as resp:
            code, text, loc = resp.status, resp.read().decode(), resp.headers.get("Location")
    except urllib.error.HTTPError as e:
        code, text, loc = e.code, e.read().decode(), e.headers.get("Location")
    try:
        parsed = json.loads(text) if text else None
    except ValueError:
        parsed = text
    return code, parsed, loc


def claims(token):
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


_admin = {"token": None, "until": 0.0}


def admin_token():
    """The master realm admin's token, renewed shortly before it lapses (it lives 60 s)."""
    if time.time() >= _admin["until"]:
        code, body, _ = call("POST", "/realms/master/protocol/openid-connect/token",
                             form={"grant_type": "password", "client_id": "admin-cli",
                                   "username": "admin", "password": ADMIN_PASSWORD})
        assert code == 200, f"admin token: {code} {body}"
        _admin["token"], _admin["until"] = body["access_token"], time.time() + body["expires_in"] - 15
    return _admin["token"]


def totp(secret, at=None):
    """RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) over the raw secret of Keycloak's set-up form."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(secret.encode(), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def form_action(page):
    m = re.search(r'<form[^>]*action="([^"]+)"', page)
    return html.unescape(m.group(1)) if m else None


class Browser:
    """The authorization code flow with PKCE of kiban-swagger, driven like a browser (no JavaScript)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.op = opener(self.jar)
        self.verifier = secrets.token_urlsafe(48)
        self.page = None

    def start(self):
        challenge = base64.urlsafe_b64encode(hashlib.sha256(self.verifier.encode()).digest()).rstrip(b"=").decode()
        q = urllib.parse.urlencode({"client_id": "kiban-swagger", "response_type": "code", "scope": "openid",
                                    "redirect_uri": SWAGGER_REDIRECT, "state": secrets.token_hex(8),
                                    "code_challenge": challenge, "code_challenge_method": "S256"})
        code, page, _ = call("GET", f"/realms/{REALM}/protocol/openid-connect/auth?{q}", op=self.op)
        assert code == 200, f"login page: {code}"
        self.page = page
        return page

    def submit(self, fields):
        """Posts the current page's form; returns ('code', code) on the redirect to the client, else ('page', html)."""
        code, page, loc = call("POST", form_action(self.page), form=fields, op=self.op)
        if code in (302, 303) and loc and loc.startswith(SWAGGER_REDIRECT):
            return "code", urllib.parse.parse_qs(urllib.parse.urlparse(loc).query).get("code", [None])[0]
        if code in (302, 303) and loc:
            code, page, _ = call("GET", urllib.parse.urljoin(BASE, loc), op=self.op)
        self.page = page if isinstance(page, str) else json.dumps(page)
        return "page", self.page

    def login(self, username, password):
        self.start()
        return self.submit({"username": username, "password": password, "credentialId": ""})

    def exchange(self, code):
        status, body, _ = call("POST", f"/realms/{REALM}/protocol/openid-connect/token",
                               form={"grant_type": "authorization_code", "client_id": "kiban-swagger", "code": code,
                                     "redirect_uri": SWAGGER_REDIRECT, "code_verifier": self.verifier})
        assert status == 200, f"code exchange: {status} {body}"
        return body


def check_console_client(by_id):
    """kiban-console (issue #17): confidential, standard flow only, PKCE S256, only the console's https hosts."""
    c = by_id.get("kiban-console")
    check(c is not None, "SEC_CONSOLE_client", "the client kiban-console exists", "")
    if c is None:
        return
    attrs = c.get("attributes") or {}
    check(c.get("publicClient") is False and c.get("clientAuthenticatorType") == "client-secret", "SEC_CONSOLE_client",
          "kiban-console is confidential (client secret)", (c.get("publicClient"), c.get("clientAuthenticatorType")))
    check(c.get("standardFlowEnabled") is True and not c.get("implicitFlowEnabled") and not c.get("directAccessGrantsEnabled")
          and not c.get("serviceAccountsEnabled") and attrs.get("oauth2.device.authorization.grant.enabled") != "true"
          and attrs.get("oidc.ciba.grant.enabled") != "true", "SEC_CONSOLE_client",
          "kiban-console: authorization code flow only (no implicit, password, client-credentials, device, CIBA)",
          {k: c.get(k) for k in ("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled")})
    check(attrs.get("pkce.code.challenge.method") == "S256", "SEC_CONSOLE_pkce", "kiban-console requires PKCE S256",
          attrs.get("pkce.code.challenge.method"))
    check(sorted(c.get("redirectUris") or []) == sorted(CONSOLE_REDIRECTS), "SEC_CONSOLE_redirects",
          "kiban-console redirects only to the console's production and staging hosts (https, no localhost)", c.get("redirectUris"))
    logout = [u for u in (attrs.get("post.logout.redirect.uris") or "").split("##") if u]
    check(all(u in CONSOLE_REDIRECTS for u in logout), "SEC_CONSOLE_redirects",
          "kiban-console's post-logout redirect URIs are the console's hosts only", logout)
    check(all(not re.search(r"localhost|127\.0\.0\.1|\[::1\]|^http:|^\*$", o) for o in c.get("webOrigins") or []),
          "SEC_CONSOLE_redirects", "kiban-console's web origins have no localhost, plain http or *", c.get("webOrigins"))
    org = [m for m in c.get("protocolMappers", []) if m["protocolMapper"] == "oidc-usermodel-attribute-mapper"
           and m["config"].get("user.attribute") == "org" and m["config"].get("claim.name") == "org"
           and m["config"].get("access.token.claim") == "true"]
    check(len(org) == 1, "SEC_AUD_mappers", "kiban-console puts org into the access token", c.get("protocolMappers"))


def check_console_login(username, password):
    """The console's login as Keycloak answers it: PKCE and the redirect URIs enforced, the user's token fit for
    the four services (aud, org), the code useless without the verifier or the client secret."""
    _, found, _ = call("GET", R + "/clients?clientId=kiban-console", token=admin_token())
    if not found:
        check(False, "SEC_CONSOLE_client", "kiban-console found through the admin API", found)
        return
    _, cred, _ = call("GET", R + f"/clients/{found[0]['id']}/client-secret", token=admin_token())
    secret = (cred or {}).get("value") or ""
    want = os.environ.get("KIBAN_CONSOLE_CLIENT_SECRET")
    if want:
        check(secret == want, "SEC_CONSOLE_client",
              "kiban-console's secret is ${KIBAN_CONSOLE_CLIENT_SECRET} from Keycloak's environment", "another value")
    else:
        print("skip SEC_CONSOLE_client the secret's placeholder: realm-check.sh does not export KIBAN_CONSOLE_CLIENT_SECRET")
    auth = f"/realms/{REALM}/protocol/openid-connect/auth?"
    token_path = f"/realms/{REALM}/protocol/openid-connect/token"
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    base_q = {"client_id": "kiban-console", "response_type": "code", "scope": "openid profile", "state": "s1"}

    status, _, loc = call("GET", auth + urllib.parse.urlencode({**base_q, "redirect_uri": CONSOLE_HOME}))
    check(status in (302, 303) and "error=invalid_request" in (loc or ""), "SEC_CONSOLE_pkce",
          "kiban-console: an authorization request without a PKCE challenge is refused", (status, loc))
    status, _, loc = call("GET", auth + urllib.parse.urlencode({**base_q, "redirect_uri": CONSOLE_HOME,
                                                                 "code_challenge": verifier, "code_challenge_method": "plain"}))
    check(status in (302, 303) and "error=invalid_request" in (loc or ""), "SEC_CONSOLE_pkce",
          "kiban-console: a plain PKCE challenge is refused (S256 only)", (status, loc))
    for bad in ("http://127.0.0.1:8085/", "http://localhost:8085/", "https://console.prod.kiban.internal.evil.example/"):
        status, _, loc = call("GET", auth + urllib.parse.urlencode({**base_q, "redirect_uri": bad, "code_challenge": challenge,
                                                                     "code_challenge_method": "S256"}))
        check(status == 400 and not loc, "SEC_CONSOLE_redirects", f"kiban-console refuses the redirect URI {bad}", (status, loc))

    jar = http.cookiejar.CookieJar()
    op = opener(jar)

    def code_for(user_login):
        status, page, loc = call("GET", auth + urllib.parse.urlencode({**base_q, "redirect_uri": CONSOLE_HOME,
                                                                       "code_challenge": challenge,
                                                                       "code_challenge_method": "S256"}), op=op)
        if status == 200 and user_login:
            status, page, loc = call("POST", form_action(page), op=op,
                                     form={"username": username, "password": password, "credentialId": ""})
        if status in (302, 303) and (loc or "").startswith(CONSOLE_HOME):
            return urllib.parse.parse_qs(urllib.parse.urlparse(loc).query).get("code", [None])[0]
        return None

    code = code_for(True)
    check(code is not None, "SEC_CONSOLE_client", f"{username} signs in to the console (code flow with PKCE)", "")
    if code is None:
        return
    status, body, _ = call("POST", token_path, form={"grant_type": "authorization_code", "client_id": "kiban-console",
                                                      "client_secret": secret, "code": code, "redirect_uri": CONSOLE_HOME})
    check(status == 400, "SEC_CONSOLE_pkce", "kiban-console: a code without its PKCE verifier is refused", (status, body))
    code = code_for(False)
    status, body, _ = call("POST", token_path, form={"grant_type": "authorization_code", "client_id": "kiban-console",
                                                      "code": code or "", "redirect_uri": CONSOLE_HOME, "code_verifier": verifier})
    check(code is not None and status in (400, 401), "SEC_CONSOLE_client",
          "kiban-console: a code exchange without the client secret is refused", (code is not None, status, body))
    code = code_for(False)
    status, body, _ = call("POST", token_path, form={"grant_type": "authorization_code", "client_id": "kiban-console",
                                                      "client_secret": secret, "code": code or "",
                                                      "redirect_uri": CONSOLE_HOME, "code_verifier": verifier})
    check(status == 200, "SEC_CONSOLE_client", "kiban-console exchanges a code with verifier and secret", (status, body))
    if status == 200:
        tok = claims(body["access_token"])
        aud = tok.get("aud") if isinstance(tok.get("aud"), list) else [tok.get("aud")]
        check(set(SERVICES) <= set(aud), "SEC_AUD_user", "a user's console token has the four services in aud", aud)
        check(tok.get("azp") == "kiban-console" and tok.get("org") == "vendor-a", "SEC_AUD_user",
              "a user's console token names kiban-console as azp and carries the user's org", (tok.get("azp"), tok.get("org")))
        check(tok["exp"] - tok["iat"] <= 300, "SEC_REALM_lifetimes", "a console access token lives <= 300 s", tok["exp"] - tok["iat"])
    for grant in ({"grant_type": "password", "username": username, "password": password}, {"grant_type": "client_credentials"}):
        status, body, _ = call("POST", token_path, form={**grant, "client_id": "kiban-console", "client_secret": secret})
        check(status in (400, 401) and "access_token" not in (body or {}), "SEC_CONSOLE_client",
              f"kiban-console: the {grant['grant_type']} grant is refused", (status, body))


def main():
    code, realm, _ = call("GET", R, token=admin_token())
    assert code == 200, f"realm {REALM} not imported ({code})"

    # ------------------------------------------------------------ settings as imported
    check(realm.get("sslRequired") == "all", "SEC_REALM_ssl", "sslRequired is all", realm.get("sslRequired"))
    policy = realm.get("passwordPolicy") or ""
    m = re.search(r"(?:^| )length\((\d+)\)", policy)
    check(m is not None and int(m.group(1)) >= 12, "SEC_REALM_password", "password policy: length >= 12", policy)
    check("notUsername(" in policy, "SEC_REALM_password", "password policy: notUsername", policy)
    m = re.search(r"passwordHistory\((\d+)\)", policy)
    check(m is not None and int(m.group(1)) >= 1, "SEC_REALM_password", "password policy: passwordHistory", policy)
    check(realm.get("bruteForceProtected") is True and realm.get("permanentLockout") is False
          and 0 < realm.get("failureFactor", 0) <= 5, "SEC_REALM_bruteforce",
          "brute-force detection on (temporary lockout after <= 5 failures)", realm)
    check(realm.get("eventsEnabled") is True and 0 < (realm.get("eventsExpiration") or 0),
          "SEC_REALM_events", "login events stored, with an expiry", (realm.get("eventsEnabled"), realm.get("eventsExpiration")))
    check(realm.get("adminEventsEnabled") is True and realm.get("adminEventsDetailsEnabled") is True
          and int(realm.get("attributes", {}).get("adminEventsExpiration", "0")) > 0,
          "SEC_REALM_events", "admin events stored with representation, with an expiry", realm.get("attributes"))
    check(0 < realm.get("accessTokenLifespan", 0) <= 300, "SEC_REALM_lifetimes", "access token <= 5 min",
          realm.get("accessTokenLifespan"))
    check(0 < realm.get("ssoSessionIdleTimeout", 0) <= 1800, "SEC_REALM_lifetimes", "SSO session idle <= 30 min",
          realm.get("ssoSessionIdleTimeout"))
    check(0 < realm.get("ssoSessionMaxLifespan", 0) <= 36000, "SEC_REALM_lifetimes", "SSO session max <= 10 h",
          realm.get("ssoSessionMaxLifespan"))
    check(realm.get("revokeRefreshToken") is True, "SEC_REALM_lifetimes", "refresh tokens are single-use",
          realm.get("revokeRefreshToken"))
    check(realm.get("registrationAllowed") is False and realm.get("resetPasswordAllowed") is False,
          "SEC_REALM_accounts", "no self-registration, no e-mail password reset", "")

    code, composites, _ = call("GET", R + "/roles/default-roles-kiban/composites", token=admin_token())
    names = sorted(r["name"] for r in composites)
    check("offline_access" not in names, "SEC_REALM_offline", "offline_access is not a default role", names)
    check("offline_access" not in realm.get("defaultOptionalClientScopes", []) and
          "offline_access" not in realm.get("defaultDefaultClientScopes", []),
          "SEC_REALM_offline", "offline_access is not a default client scope", realm.get("defaultOptionalClientScopes"))

    code, clients, _ = call("GET", R + "/clients?max=200", token=admin_token())
    by_id = {c["clientId"]: c for c in clients}
    local = [(c["clientId"], u) for c in clients for u in (c.get("redirectUris") or [])
             if re.search(r"localhost|127\.0\.0\.1|\[::1\]|^http:", u)]
    check(not local, "SEC_REALM_redirects", "no localhost or plain-http redirect URI", local)
    wild = [(c["clientId"], u) for c in clients for u in (c.get("redirectUris") or []) if u in ("*", "/*", "+")]
    check(not wild, "SEC_REALM_redirects", "no catch-all redirect URI", wild)
    direct = [c["clientId"] for c in clients if c.get("directAccessGrantsEnabled") or c.get("implicitFlowEnabled")]
    check(not direct, "SEC_REALM_grants", "no client allows the password grant or the implicit flow", direct)
    check("kiban-cli" not in by_id, "SEC_REALM_grants", "the dev-only kiban-cli client is absent", "")

    check_console_client(by_id)
    for svc in SERVICES + ["kiban-swagger", "kiban-console"]:
        c = by_id.get(svc, {})
        auds = sorted(m["config"].get("included.client.audience") for m in c.get("protocolMappers", [])
                      if m["protocolMapper"] == "oidc-audience-mapper" and m["config"].get("access.token.claim") == "true")
        check(auds == sorted(SERVICES), "SEC_AUD_mappers", f"{svc} puts the four services into aud", auds)

    # OTP flow: bound, role conditions, OTP form required
    check(realm.get("browserFlow") == "kiban browser", "SEC_REALM_otp", "browser flow is 'kiban browser'", realm.get("browserFlow"))
    q = urllib.parse.quote(realm.get("browserFlow", "browser"), safe="")
    code, execs, _ = call("GET", R + f"/authentication/flows/{q}/executions", token=admin_token())
    configs = {}
    for e in execs:
        if e.get("authenticationConfig"):
            _, cfg, _ = call("GET", R + f"/authentication/config/{e['authenticationConfig']}", token=admin_token())
            configs[e["id"]] = cfg["config"]
    for role in ("jpo-admin", "auditor"):
        found = False
        for i, e in enumerate(execs):
            if e.get("requirement") != "CONDITIONAL" or e.get("authenticationFlow") is not True:
                continue
            children = []
            for x in execs[i + 1:]:
                if x["level"] <= e["level"]:
                    break
                if x["level"] == e["level"] + 1:
                    children.append(x)
            conds = [configs.get(x["id"], {}) for x in children if x.get("providerId") == "conditional-user-role"]
            otp = [x for x in children if x.get("providerId") == "auth-otp-form" and x["requirement"] == "REQUIRED"]
            if otp and any(cf.get("condUserRole") == role and cf.get("negate") == "false" for cf in conds) and \
                    not any(x.get("providerId") == "conditional-user-configured" for x in children):
                found = True
        check(found, "SEC_REALM_otp", f"a conditional subflow requires the OTP form for role {role}", "")

    # lifecycle-service: fine-grained admin permissions instead of manage-users
    check(realm.get("adminPermissionsEnabled") is True, "SEC_FGAP", "fine-grained admin permissions (v2) enabled", "")
    lc = by_id["lifecycle-service"]
    _, sa, _ = call("GET", R + f"/clients/{lc['id']}/service-account-user", token=admin_token())
    _, rm_roles, _ = call("GET", R + f"/users/{sa['id']}/role-mappings/clients/{by_id['realm-management']['id']}/composite", token=admin_token())
    rm_names = sorted(r["name"] for r in rm_roles)
    check(not {"manage-users", "realm-admin", "manage-realm", "manage-clients", "view-realm"} & set(rm_names),
          "SEC_FGAP", "lifecycle-service holds no realm-management role (no manage-users)", rm_names)

    # ------------------------------------------------------------ behaviour
    # users for the behaviour checks
    def make_user(username, role, org):
        status, _, loc = call("POST", R + "/users", token=admin_token(), body={
            "username": username, "enabled": True, "email": f"{username}@example.invalid", "emailVerified": True,
            "firstName": "Test", "lastName": username, "attributes": {"org": [org]}})
        assert status == 201, f"create {username}: {status}"
        uid = loc.rsplit("/", 1)[1]
        _, role_rep, _ = call("GET", R + f"/roles/{role}", token=admin_token())
        call("POST", R + f"/users/{uid}/role-mappings/realm", token=admin_token(), body=[role_rep])
        return uid

    def set_password(uid, value):
        return call("PUT", R + f"/users/{uid}/reset-password", token=admin_token(),
                    body={"type": "password", "value": value, "temporary": False})

    good = "Kiban-" + secrets.token_urlsafe(12)
    vendor = make_user("rc-vendor", "vendor", "vendor-a")
    status, body, _ = set_password(vendor, "Short-1x")
    check(status == 400, "SEC_REALM_password", "an 8-character password is refused", (status, body))
    status, body, _ = set_password(vendor, "rc-vendor")
    check(status == 400, "SEC_REALM_password", "the username as password is refused", (status, body))
    status, body, _ = set_password(vendor, good)
    check(status == 204, "SEC_REALM_password", "a 12+ character password is accepted", (status, body))
    status, body, _ = set_password(vendor, good)
    check(status == 400, "SEC_REALM_password", "re-using the current password is refused (history)", (status, body))

    # a vendor logs in with the password alone; the token carries the four audiences and lives <= 5 min
    b = Browser()
    kind, value = b.login("rc-vendor", good)
    check(kind == "code", "SEC_REALM_otp", "a vendor logs in with the password alone", value[:300] if kind == "page" else "")
    if kind == "code":
        tok = claims(b.exchange(value)["access_token"])
        aud = tok.get("aud") if isinstance(tok.get("aud"), list) else [tok.get("aud")]
        check(set(SERVICES) <= set(aud), "SEC_AUD_user", "a user's token (kiban-swagger) has the four services in aud", aud)
        check(tok["exp"] - tok["iat"] <= 300, "SEC_REALM_lifetimes", "a user's access token lives <= 300 s", tok["exp"] - tok["iat"])
        check("offline_access" not in tok.get("realm_access", {}).get("roles", []), "SEC_REALM_offline",
              "a user's token holds no offline_access", tok.get("realm_access"))

    # the console's client, driven like the console does (issue #17)
    check_console_login("rc-vendor", good)

    # jpo-admin and auditor must set up and then use OTP
    for username, role in (("rc-admin", "jpo-admin"), ("rc-auditor", "auditor")):
        uid = make_user(username, role, "jpo")
        set_password(uid, good)
        b = Browser()
        kind, page = b.login(username, good)
        secret = re.search(r'name="totpSecret" value="([^"]+)"', page or "") if kind == "page" else None
        check(kind == "page" and secret is not None, "SEC_REALM_otp",
              f"{role}: the password alone gives no code, OTP set-up is demanded", (kind, (page or "")[:200]))
        if secret is None:
            continue
        kind, value = b.submit({"totp": totp(secret.group(1)), "totpSecret": secret.group(1),
                                "userLabel": "check", "mode": "manual"})
        check(kind == "code", "SEC_REALM_otp", f"{role}: a valid OTP completes the set-up", value[:300] if kind == "page" else "")
        time.sleep(max(0.0, 30 - time.time() % 30) + 1)  # the next OTP period (codes are not reusable)
        b2 = Browser()
        kind, page = b2.login(username, good)
        check(kind == "page" and 'name="otp"' in page, "SEC_REALM_otp", f"{role}: later logins ask for the OTP",
              (kind, (page or "")[:200]))
        if kind == "page":
            kind, value = b2.submit({"otp": "000000" if totp(secret.group(1)) != "000000" else "111111"})
            check(kind == "page", "SEC_REALM_otp", f"{role}: a wrong OTP gives no code", "")
            kind, value = b2.submit({"otp": totp(secret.group(1))})
            check(kind == "code", "SEC_REALM_otp", f"{role}: the right OTP gives a code", value[:300] if kind == "page" else "")
            if kind == "code":
                tok = claims(b2.exchange(value)["access_token"])
                check(role in tok.get("realm_access", {}).get("roles", []), "SEC_REALM_otp", f"{role}: token carries the role", "")

    # brute force: five wrong passwords lock the account for a while, even for the right password
    victim = make_user("rc-victim", "vendor", "vendor-b")
    set_password(victim, good)
    for _ in range(5):
        Browser().login("rc-victim", "wrong-" + secrets.token_hex(6))
    _, bf, _ = call("GET", R + f"/attack-detection/brute-force/users/{victim}", token=admin_token())
    check(bf.get("disabled") is True, "SEC_REALM_bruteforce", "five failed logins lock the account", bf)
    kind, _ = Browser().login("rc-victim", good)
    check(kind == "page", "SEC_REALM_bruteforce", "a locked account gets no code with the right password", kind)

    # events are recorded
    _, events, _ = call("GET", R + "/events?type=LOGIN_ERROR&max=50", token=admin_token())
    check(isinstance(events, list) and len(events) >= 5, "SEC_REALM_events", "failed logins are stored as events",
          len(events) if isinstance(events, list) else events)
    _, events, _ = call("GET", R + "/events?type=LOGIN&max=50", token=admin_token())
    check(isinstance(events, list) and len(events) >= 1, "SEC_REALM_events", "logins are stored as events",
          len(events) if isinstance(events, list) else events)
    _, aevents, _ = call("GET", R + "/admin-events?max=50", token=admin_token())
    check(isinstance(aevents, list) and any(e.get("resourceType") == "USER" and e.get("operationType") == "CREATE"
                                            for e in aevents), "SEC_REALM_events", "admin actions are stored as admin events", "")

    # service tokens: aud and lifetime
    for svc, secret in (("asset-service", ASSET_SECRET), ("lifecycle-service", LIFECYCLE_SECRET)):
        status, body, _ = call("POST", f"/realms/{REALM}/protocol/openid-connect/token",
                               form={"grant_type": "client_credentials", "client_id": svc, "client_secret": secret})
        check(status == 200, "SEC_AUD_service", f"{svc} gets a client-credentials token", (status, body))
        if status == 200:
            tok = claims(body["access_token"])
            aud = tok.get("aud") if isinstance(tok.get("aud"), list) else [tok.get("aud")]
            check(set(SERVICES) <= set(aud), "SEC_AUD_service", f"{svc}'s token has the four services in aud", aud)
            check(tok["exp"] - tok["iat"] <= 300, "SEC_REALM_lifetimes", f"{svc}'s token lives <= 300 s", tok["exp"] - tok["iat"])
            check("refresh_token" not in body, "SEC_REALM_offline", f"{svc} gets no refresh token", list(body))
    status, body, _ = call("POST", f"/realms/{REALM}/protocol/openid-connect/token",
                           form={"grant_type": "password", "client_id": "kiban-swagger", "username": "rc-vendor", "password": good})
    check(status in (400, 401), "SEC_REALM_grants", "the password grant is refused", (status, body))

    # lifecycle-service may map approved-handler, and nothing else
    _, body, _ = call("POST", f"/realms/{REALM}/protocol/openid-connect/token",
                      form={"grant_type": "client_credentials", "client_id": "lifecycle-service", "client_secret": LIFECYCLE_SECRET})
    lt = body["access_token"]
    _, ah, _ = call("GET", R + "/roles/approved-handler", token=admin_token())
    _, admin_role, _ = call("GET", R + "/roles/jpo-admin", token=admin_token())
    _, service_role, _ = call("GET", R + "/roles/service", token=admin_token())
    status, found, _ = call("GET", R + "/users?username=rc-vendor&exact=true", token=lt)
    check(status == 200 and len(found) == 1, "SEC_FGAP", "lifecycle-service finds a user by username", status)
    status, avail, _ = call("GET", R + f"/users/{vendor}/role-mappings/realm/available", token=lt)
    check(status == 200 and [r["name"] for r in avail] == ["approved-handler"], "SEC_FGAP",
          "the only realm role lifecycle-service can map is approved-handler", avail)
    status, _, _ = call("POST", R + f"/users/{vendor}/role-mappings/realm", token=lt, body=[ah])
    check(status == 204, "SEC_FGAP", "lifecycle-service grants approved-handler", status)
    status, mapped, _ = call("GET", R + f"/users/{vendor}/role-mappings/realm", token=lt)
    check(status == 200 and "approved-handler" in [r["name"] for r in mapped], "SEC_FGAP",
          "lifecycle-service reads a user's realm roles", (status, mapped))
    status, _, _ = call("DELETE", R + f"/users/{vendor}/role-mappings/realm", token=lt, body=[ah])
    check(status == 204, "SEC_FGAP", "lifecycle-service removes approved-handler", status)
    for role in (admin_role, service_role):
        status, _, _ = call("POST", R + f"/users/{vendor}/role-mappings/realm", token=lt, body=[role])
        check(status == 403, "SEC_FGAP", f"lifecycle-service cannot grant {role['name']} to a user", status)
        status, _, _ = call("POST", R + f"/users/{sa['id']}/role-mappings/realm", token=lt, body=[role])
        check(status == 403, "SEC_FGAP", f"lifecycle-service cannot grant {role['name']} to itself", status)
    _, rm_client, _ = call("GET", R + f"/clients/{by_id['realm-management']['id']}/roles/manage-users", token=admin_token())
    status, _, _ = call("POST", R + f"/users/{sa['id']}/role-mappings/clients/{by_id['realm-management']['id']}", token=lt, body=[rm_client])
    check(status == 403, "SEC_FGAP", "lifecycle-service cannot grant itself manage-users", status)
    for method, path, body in (
            ("PUT", f"/users/{vendor}", {"email": "changed@example.invalid"}),
            ("PUT", f"/users/{vendor}/reset-password", {"type": "password", "value": "Another-" + good, "temporary": False}),
            ("POST", "/users", {"username": "rc-intruder", "enabled": True}),
            ("DELETE", f"/users/{victim}", None),
            ("GET", "/clients", None),
            ("PUT", "", {"sslRequired": "none"})):
        status, _, _ = call(method, R + path, token=lt, body=body)
        check(status == 403, "SEC_FGAP", f"lifecycle-service cannot {method} {R}{path}", status)
    status, _, _ = call("GET", "/admin/realms/master/users", token=lt)
    check(status in (401, 403), "SEC_FGAP", "lifecycle-service has no access to the master realm", status)

    # the exact calls lifecycle-service's KeycloakRoles makes (R-SEC-1), with its own token: FGAP v2 lets it
    # view users and map approved-handler, but not read the role itself or list the role's members
    status, _, _ = call("GET", R + "/roles/approved-handler", token=lt)
    print(f"info: lifecycle-service GET /roles/approved-handler -> {status} (not used by KeycloakRoles)")
    status, _, _ = call("GET", R + "/roles/approved-handler/users?first=0&max=100", token=lt)
    print(f"info: lifecycle-service GET /roles/approved-handler/users -> {status} (not used by KeycloakRoles)")
    status, one, _ = call("GET", R + f"/users/{vendor}", token=lt)
    check(status == 200 and (one.get("attributes") or {}).get("org") == ["vendor-a"], "SEC_FGAP_calls",
          "KeycloakRoles.account: GET /users/{id} gives lifecycle-service the org attribute", (status, one))
    status, avail, _ = call("GET", R + f"/users/{vendor}/role-mappings/realm/available", token=lt)
    picked = [r for r in avail if r.get("name") == "approved-handler"] if status == 200 else []
    check(len(picked) == 1, "SEC_FGAP_calls", "KeycloakRoles.grant: approved-handler is picked by name from "
          "role-mappings/realm/available", (status, avail))
    if picked:
        status, _, _ = call("POST", R + f"/users/{vendor}/role-mappings/realm", token=lt, body=picked)
        check(status == 204, "SEC_FGAP_calls", "KeycloakRoles.grant: POST role-mappings/realm with the picked role", status)
    holders = []
    for first in range(0, 10000, 100):
        status, page, _ = call("GET", R + f"/users?first={first}&max=100&briefRepresentation=false", token=lt)
        check(status == 200, "SEC_FGAP_calls", f"KeycloakRoles.holders: GET /users?first={first}&max=100", status)
        if status != 200 or not page:
            break
        for u in page:
            s2, eff, _ = call("GET", R + f"/users/{u['id']}/role-mappings/realm/composite", token=lt)
            if s2 != 200:
                check(False, "SEC_FGAP_calls", f"KeycloakRoles.holders: GET /users/{{id}}/role-mappings/realm/composite "
                      f"for {u.get('username')}", s2)
                continue
            if "approved-handler" in [r["name"] for r in eff]:
                holders.append(u)
        if len(page) < 100:
            break
    check([u["username"] for u in holders] == ["rc-vendor"] and (holders[0].get("attributes") or {}).get("org") == ["vendor-a"],
          "SEC_FGAP_calls", "KeycloakRoles.holders: paging through GET /users and each user's effective realm roles "
          "finds exactly the holder of approved-handler, with its org", [u.get("username") for u in holders])
    status, mapped, _ = call("GET", R + f"/users/{vendor}/role-mappings/realm", token=lt)
    direct = [r for r in mapped if r.get("name") == "approved-handler"] if status == 200 else []
    check(len(direct) == 1, "SEC_FGAP_calls", "KeycloakRoles.revoke: approved-handler is picked by name from "
          "role-mappings/realm", (status, mapped))
    if direct:
        status, _, _ = call("DELETE", R + f"/users/{vendor}/role-mappings/realm", token=lt, body=direct)
        check(status == 204, "SEC_FGAP_calls", "KeycloakRoles.revoke: DELETE role-mappings/realm with the picked role", status)
    status, mapped, _ = call("GET", R + f"/users/{vendor}/role-mappings/realm/composite", token=lt)
    check(status == 200 and "approved-handler" not in [r["name"] for r in mapped], "SEC_FGAP_calls",
          "after KeycloakRoles.revoke the user no longer holds approved-handler", (status, mapped))

    print(f"realm-check: {failures} failure(s)")
    return failures


if __name__ == "__main__":
    sys.exit(min(main(), 100))
