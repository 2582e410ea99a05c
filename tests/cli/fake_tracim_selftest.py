#!/usr/bin/python3
"""Checks fake_tracim.py: starts it on the small world (tracim_world.py small), on a tiny bench
world, with --no-mail-server --legacy-comments, and over TLS, and checks every behaviour its
docstring promises, with a urllib client. Standard library and the openssl command only.

    fake_tracim_selftest.py [--verbose]     a few seconds; exit status 0 when all checks pass
    fake_tracim_selftest.py --bench         also times the full-size bench world (10,000 users,
                                            300 spaces, 100,000 contents, 1,000,000 events), about
                                            two minutes: the figures in fake_tracim.py's docstring

Response shapes are compared key by key with /work/shared/tracim-api/examples when that
directory exists."""
import argparse
import hashlib
import http.client
import json
import os
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = "/work/shared/tracim-api/examples"
KEY = "selftest-key"
failures = []
verbose = False


def check(condition, what, detail=""):
    if not condition:
        failures.append("%s %s" % (what, detail))
        print("FAIL: %s %s" % (what, detail))
    elif verbose:
        print("ok: %s" % what)


class Fake:
    """One fake_tracim.py process."""
    started = 0

    def __init__(self, directory, world, *flags):
        Fake.started += 1
        self.port_file = os.path.join(directory, "port-%d" % Fake.started)
        self.scheme = "https" if "--tls-cert" in flags else "http"
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "fake_tracim.py"), "--port-file", self.port_file,
             "--world", world, "--api-key", KEY] + list(flags))
        deadline = time.time() + 20
        while not (os.path.exists(self.port_file) and open(self.port_file).read()):
            if time.time() > deadline or self.process.poll() is not None:
                raise SystemExit("fake_tracim.py did not start")
            time.sleep(0.02)
        self.port = int(open(self.port_file).read())
        self.world_file = world

    def stop(self):
        pid = int(open(self.port_file + ".pid").read())
        os.kill(pid, signal.SIGTERM)
        check(self.process.wait(10) == 0, "stops cleanly on SIGTERM")

    def call(self, method, path, login="admin@asf.example", body=None, params=None, key=KEY,
             raw_query=None, context=None, headers=None):
        """(status, headers, body bytes, parsed JSON or None)."""
        url = "%s://127.0.0.1:%d%s" % (self.scheme, self.port, path)
        if params:
            url += "?" + urllib.parse.urlencode(params)
        elif raw_query:
            url += "?" + raw_query
        request = urllib.request.Request(url, method=method,
                                         data=None if body is None else json.dumps(body).encode())
        if key is not None:
            request.add_header("Tracim-Api-Key", key)
        if login is not None:
            request.add_header("Tracim-Api-Login", login)
        if body is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30, context=context) as r:
                status, head, data = r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            status, head, data = e.code, dict(e.headers), e.read()
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            parsed = None
        return status, head, data, parsed

    def get(self, path, **kw):
        return self.call("GET", path, **kw)

    def control(self, method, name, body=None):
        return self.call(method, "/__control/" + name, login=None, key=None, body=body)[3]


def example(name):
    path = os.path.join(EXAMPLES, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def same_keys(actual, expected, where, extra=()):
    """The same keys, recursively (lists: their first elements), but for extra."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        missing = set(expected) - set(actual)
        unexpected = set(actual) - set(expected) - set(extra)
        check(not missing and not unexpected, "shape of %s" % where,
              "missing %s, unexpected %s" % (sorted(missing), sorted(unexpected)))
        for k in set(expected) & set(actual):
            same_keys(actual[k], expected[k], "%s.%s" % (where, k), extra)
    elif isinstance(expected, list) and isinstance(actual, list) and expected and actual:
        same_keys(actual[0], expected[0], where + "[0]", extra)


def error(reply, status, code, what):
    check(reply[0] == status and reply[3] is not None and reply[3].get("code") == code
          and set(reply[3]) == {"code", "message", "details"},
          what, "got %s %s" % (reply[0], reply[2][:200]))


# --- the small world ---------------------------------------------------------------------------

def check_auth(f):
    error(f.get("/api/auth/whoami", login=None, key=None), 401, None, "no headers: 401 code null")
    error(f.get("/api/auth/whoami", key="wrong"), 401, None, "a wrong key: 401")
    error(f.get("/api/auth/whoami", login="nobody@example.org"), 401, None, "unknown login: 401")
    error(f.get("/api/auth/whoami", login="youssef@example.org"), 401, None, "disabled: 401")
    error(f.get("/api/auth/whoami", login="old@example.org"), 401, None, "deleted: 401")
    check(f.get("/api/auth/whoami", login="AMEL@Example.org")[3]["user_id"] == 2,
          "an email login is case-insensitive")
    check(f.get("/api/auth/whoami", login="karim_z")[3]["user_id"] == 4, "a username login")
    error(f.get("/api/nothing/here", login=None, key=None), 404, 9999,
          "unknown route: 404 9999 before authentication")
    error(f.get("/api/users/abc"), 404, 9999, "a non-numeric user id: no route")
    status, head, _, about = f.get("/api/system/about")
    check(status == 200 and head.get("Content-Type") == "application/json", "about is JSON")
    same_keys(about, example("GET_api_system_about.json"), "about")
    same_keys(f.get("/api/auth/whoami")[3], example("GET_api_auth_whoami.json"), "whoami")


def check_users(f):
    status, _, _, users = f.get("/api/users")
    check(status == 200 and isinstance(users, list), "users: a bare list")
    ids = [u["user_id"] for u in users]
    check(7 not in ids and 3 in ids, "users: deleted excluded, disabled included", ids)
    names = [u["public_name"].lower() for u in users]
    check(names == sorted(names), "users: ordered by lower(public_name)", names)
    same_keys(users, example("GET_api_users.json"), "users")
    check(next(u for u in users if u["user_id"] == 4)["email"] is None, "a user without email")
    error(f.get("/api/users", login="amel_b"), 403, 4002, "users: 403 4002 for a user")
    same_keys(f.get("/api/users/2")[3], example("GET_api_users_2.json"), "users/2")
    check(f.get("/api/users/2", login="amel_b")[0] == 200, "a user reads himself")
    error(f.get("/api/users/1", login="amel_b"), 403, 4002, "a user reads another: 4002")
    error(f.get("/api/users/999", login="amel_b"), 403, 4002, "a user reads an unknown: 4002")
    error(f.get("/api/users/999"), 400, 1001, "an admin reads an unknown user: 400 1001")
    check(f.get("/api/users/7")[3]["is_deleted"] is True, "a deleted user can be read by id")


def check_user_creation(f):
    post = lambda body, login="admin@asf.example": f.call("POST", "/api/users", body=body,
                                                          login=login)
    error(post({"email": "x@example.org"}, "amel_b"), 403, 4002, "create user: admin only")
    r = post({"public_name": "Nobody"})
    error(r, 400, 2001, "create user without email nor username: 2001")
    check("_schema" in r[3]["details"], "its details name the schema", r[3])
    r = post({"email": "not an email", "public_name": "X Y"})
    error(r, 400, 2001, "create user, bad email: 2001")
    check(r[3]["details"].get("email") == ["Not a valid email address."],
          "its details name the email field", r[3])
    r = post({"email": "a@example.org", "profile": "boss"})
    check(r[3]["details"].get("profile") == ["Not a valid choice."], "a bad profile", r[3])
    error(post({"email": "AMEL@example.org", "public_name": "Amel"}), 400, 2036, "email exists")
    error(post({"email": "new2@example.org", "username": "amel_b"}), 400, 2063,
          "username exists")
    error(post({"email": "n3@example.org", "username": "has space"}), 400, 2062,
          "a username with a space: 2062")
    error(post({"username": "only_name", "public_name": "Only Name"}), 400, 2065,
          "no email: 2065 (email.required)")
    body = {"email": "new.member@example.org", "public_name": "New Member", "username": None,
            "profile": "users", "lang": "fr", "timezone": "Africa/Tunis"}
    status, _, _, user = post(body)
    check(status == 200 and user["email"] == "new.member@example.org" and user["is_active"],
          "a user created", user)
    expected = example("POST_api_users.json")
    same_keys(user, expected and expected["response_200"], "POST users")
    check(user["auth_type"] == "unknown", "a new user's auth_type is unknown until he logs in")
    pushed = f.control("GET", "pushed")
    check(pushed[-1]["action"] == "create_user" and pushed[-1]["body"] == body
          and pushed[-1]["result"]["invitation_sent"] is True
          and pushed[-1]["result"]["user_id"] == user["user_id"],
          "pushed: the exact body, email_notification defaulted to true", pushed[-1:])
    status, _, _, quiet = post({"email": "quiet@example.org", "public_name": "Quiet",
                                "email_notification": False})
    check(status == 200 and f.control("GET", "pushed")[-1]["result"]["invitation_sent"] is False,
          "email_notification false: no invitation")
    return user["user_id"]


def check_enable(f, new_user):
    error(f.call("PUT", "/api/users/1/disabled"), 400, 3003, "disable oneself: 3003")
    error(f.call("PUT", "/api/users/2/disabled", login="amel_b"), 403, 4002, "disable: admin")
    error(f.call("PUT", "/api/users/999/disabled"), 400, 1001, "disable unknown: 1001")
    r = f.call("PUT", "/api/users/%d/disabled" % new_user)
    check(r[0] == 204 and r[2] == b"", "disable: 204")
    error(f.get("/api/auth/whoami", login="new.member@example.org"), 401, None,
          "a disabled user cannot log in")
    check(f.call("PUT", "/api/users/%d/enabled" % new_user)[0] == 204, "enable: 204")
    check(f.get("/api/auth/whoami", login="new.member@example.org")[0] == 200, "enabled again")
    actions = [p["action"] for p in f.control("GET", "pushed")[-2:]]
    check(actions == ["disable_user", "enable_user"], "pushed: disable, enable", actions)


def check_spaces(f):
    status, _, _, spaces = f.get("/api/workspaces")
    ids = [s["workspace_id"] for s in spaces]
    check(status == 200 and ids == [4, 7, 9, 11], "workspaces: all but the deleted", ids)
    same_keys(spaces, example("GET_api_workspaces.json"), "workspaces")
    check([s["workspace_id"] for s in f.get("/api/workspaces", params={"parent_ids": "4"})[3]]
          == [11], "workspaces?parent_ids=4")
    check(next(s for s in spaces if s["workspace_id"] == 11)["parent_id"] == 4, "a child space")
    check(len(next(s for s in spaces if s["workspace_id"] == 9)["sidebar_entries"]) == 2,
          "no News entry when publications are disabled")
    error(f.get("/api/workspaces", login="amel_b"), 403, 4002, "workspaces: admin only")
    same_keys(f.get("/api/workspaces/4")[3], example("GET_api_workspaces_4.json"), "workspace 4")
    check(f.get("/api/workspaces/9")[0] == 200, "an admin reads a space he is not in")
    check(f.get("/api/workspaces/12")[3]["is_deleted"] is True, "a deleted space, by id")
    error(f.get("/api/workspaces/9", login="nadia_t"), 400, 1002, "non-member: 400 1002")
    error(f.get("/api/workspaces/99"), 400, 1002, "unknown space: 400 1002")
    error(f.get("/api/workspaces/abc"), 400, 2022, "non-numeric space id: 2022")


def check_members(f):
    status, _, _, members = f.get("/api/workspaces/4/members")
    ids = [m["user_id"] for m in members]
    check(status == 200 and ids == [1, 2, 4, 6, 7], "members: disabled hidden, by user id", ids)
    same_keys(members, example("GET_api_workspaces_4_members.json"), "members")
    roles = {m["user_id"]: m["role"] for m in members}
    check(set(roles.values()) == {"reader", "contributor", "content-manager",
                                  "workspace-manager"}, "every role", roles)
    ids = [m["user_id"] for m in f.get("/api/workspaces/4/members",
                                       params={"show_disabled_user": 1})[3]]
    check(3 in ids, "show_disabled_user=1", ids)
    check(f.get("/api/workspaces/4/members", login="karim_z")[0] == 200, "a reader sees members")
    error(f.get("/api/workspaces/4/members", params={"show_disabled_user": 2}), 400, 2001,
          "show_disabled_user=2: 2001")
    add = lambda body, login="admin@asf.example": f.call(
        "POST", "/api/workspaces/7/members", body=body, login=login)
    error(add({"user_id": 6, "role": "reader"}, "amel_b"), 403, 4003, "add member: a reader")
    error(add({"user_id": 2, "role": "reader"}), 400, 3008, "already a member: 3008")
    error(add({"user_id": 6}), 400, 2001, "add member without role: 2001")
    error(add({"user_id": 6, "role": "boss"}), 400, 2001, "add member, bad role: 2001")
    error(add({"user_id": 999, "role": "reader"}), 400, 1001, "add unknown user: 1001")
    error(add({"user_id": 3, "role": "reader"}), 400, 2042, "add a disabled user: 2042")
    status, _, _, added = add({"user_id": 6, "role": "contributor"})
    expected = example("POST_api_workspaces_4_members.json")
    check(status == 200 and added["newly_created"] is False and added["role"] == "contributor",
          "a member added", added)
    same_keys(added, expected and expected["response_200"], "POST members")
    status, _, _, invited = add({"user_email": "Guest@Example.org", "role": "reader"})
    check(status == 200 and invited["newly_created"] is True, "invite by email creates a user")
    status, _, _, changed = f.call("PUT", "/api/workspaces/7/members/6", body={"role": "reader"})
    check(status == 200 and changed["role"] == "reader", "role changed")
    error(f.call("PUT", "/api/workspaces/7/members/4", body={"role": "reader"}), 400, 1005,
          "change a non-member: 1005")
    error(f.call("PUT", "/api/workspaces/7/members/1", body={"role": "reader"}), 400, 3011,
          "the last space manager: 3011")
    r = f.call("DELETE", "/api/workspaces/7/members/6")
    check(r[0] == 204, "member removed: 204")
    error(f.call("DELETE", "/api/workspaces/7/members/6"), 400, 1005, "remove again: 1005")
    pushed = [(p["action"], p["result"].get("user_id")) for p in f.control("GET", "pushed")]
    check(pushed[-4:] == [("add_member", 6), ("add_member", invited["user_id"]),
                          ("change_member", 6), ("remove_member", 6)],
          "pushed: the membership changes", pushed[-4:])
    check(f.control("GET", "pushed")[-4]["body"] == {"user_id": 6, "role": "contributor"},
          "pushed: the body as received")


def check_contents(f):
    error(f.get("/api/workspaces/9/contents"), 403, 4003, "an admin not in the space: 4003")
    error(f.get("/api/workspaces/9/contents", login="ops-admin"), 403, 4003,
          "an admin in no space: 4003")
    error(f.get("/api/workspaces/4/contents", login="salma.r"), 400, 1002,
          "a user not in the space: 400 1002")
    everything = f.get("/api/workspaces/4/contents", params={
        "namespaces_filter": "content,publication,upload"})[3]
    check(everything["next_page_token"] == "" and everything["per_page"] == len(
        everything["items"]), "count=0: everything, no paging")
    kinds = {(i["content_type"], i["parent_id"] is None) for i in everything["items"]}
    check(("comment", False) in kinds and ("file", False) in kinds,
          "without parent_ids: nested contents and comments too (as the backend)")
    labels = [i["label"] for i in everything["items"]]
    check(labels == sorted(labels), "ordered by label", labels)
    default = [i["content_namespace"] for i in f.get("/api/workspaces/4/contents")[3]["items"]]
    check(set(default) == {"content"}, "default namespace: content", default)
    news = f.get("/api/workspaces/4/contents", params={"namespaces_filter": "publication",
                                                       "parent_ids": "0"})[3]
    check([i["content_id"] for i in news["items"]] == [35, 31], "the news: 35, 31",
          [i["content_id"] for i in news["items"]])
    same_keys(news, example("GET_api_workspaces_4_contents__namespaces_filter_publication.json"),
              "contents")
    file35 = next(i for i in news["items"] if i["content_id"] == 35)
    check(file35["label"] == "Annual report 2024" and file35["filename"] ==
          "Annual report 2024.pdf", "a file's label has no extension (backend)")
    params = {"namespaces_filter": "content,publication,upload", "count": 3}
    first = f.get("/api/workspaces/4/contents", params=params)[3]
    same_keys(first, example("GET_api_workspaces_4_contents__count_1_page1.json"), "page")
    pages, page, tokens = [first], first, []
    while page["has_next"]:
        tokens.append(page["next_page_token"])
        page = f.get("/api/workspaces/4/contents", params=dict(
            params, page_token=page["next_page_token"]))[3]
        pages.append(page)
    paged = [i["content_id"] for p in pages for i in p["items"]]
    check(paged == [i["content_id"] for i in everything["items"]], "pages = count=0", paged)
    check(pages[0]["has_previous"] is False and pages[1]["has_previous"] is True,
          "has_previous")
    check(first["next_page_token"].startswith(">s:") and "~i:" in first["next_page_token"],
          "token shaped >s:LABEL~i:ID", first["next_page_token"])
    root = {"namespaces_filter": "content,publication,upload", "parent_ids": 0, "count": 5}
    special = f.get("/api/workspaces/4/contents", params=root)[3]
    check(special["has_next"] and special["next_page_token"] == ">s:R&D notes + plan\\~v2~i:43",
          "a token escapes ~ and holds & and +", special["next_page_token"])
    back = f.get("/api/workspaces/4/contents", params=dict(
        params, page_token=pages[2]["previous_page_token"]))[3]
    check([i["content_id"] for i in back["items"]] == [i["content_id"]
                                                       for i in pages[1]["items"]],
          "previous_page_token goes back a page")
    encoded = f.get("/api/workspaces/4/contents", params=dict(
        root, page_token=special["next_page_token"]))[3]
    check([i["content_id"] for i in encoded["items"]] == [44], "the page after it", encoded)
    raw = "namespaces_filter=content,publication,upload&parent_ids=0&count=5&page_token="
    status, _, _, wrong = f.get("/api/workspaces/4/contents", raw_query=raw + special[
        "next_page_token"].replace(" ", "%20"))
    check(status == 500, "a token not URL-encoded (& and + raw): 500, as sqlakeyset", status)
    error(f.get("/api/workspaces/4/contents", params={"count": 2, "page_token": ">i:4"}),
          500, None, "a token of another sort: 500 code null")
    error(f.get("/api/workspaces/4/contents", params={"count": 2, "page_token": "nonsense"}),
          400, 2001, "a bad page_token: 2001")
    error(f.get("/api/workspaces/4/contents", params={"count": -1}), 400, 2001, "count=-1")
    error(f.get("/api/workspaces/4/contents", params={"content_type": "x"}), 400, 2001,
          "a bad content_type")
    folder = f.get("/api/workspaces/4/contents", params={"parent_ids": "37"})[3]["items"]
    check({i["content_id"] for i in folder} == {38, 39}, "parent_ids=37")
    files = f.get("/api/workspaces/4/contents", params={"content_type": "file",
                                                        "parent_ids": "0"})[3]["items"]
    check({i["content_id"] for i in files} == {43}, "content_type=file at the root",
          [i["content_id"] for i in files])
    archived = f.get("/api/workspaces/4/contents", params={
        "namespaces_filter": "content,publication", "show_archived": 1, "show_deleted": 1,
        "show_active": 0})[3]["items"]
    check({i["content_id"] for i in archived} == {41, 42}, "archived and deleted only")
    check(f.get("/api/workspaces/4/contents", params={"unknown": "x"})[0] == 200,
          "unknown parameters are ignored")
    by_date = f.get("/api/workspaces/4/contents", params={"sort": "modified:desc", "count": 2})
    check(by_date[3]["next_page_token"].startswith(">dt:"), "a date token",
          by_date[3]["next_page_token"])


def check_comments_files(f):
    r = f.get("/api/workspaces/4/contents/31/comments")[3]
    check([c["content_id"] for c in r["items"]] == [32, 33], "comments, oldest first")
    same_keys(r, example("GET_api_workspaces_4_contents_31_comments.json"), "comments")
    p1 = f.get("/api/workspaces/4/contents/31/comments", params={"count": 1})[3]
    p2 = f.get("/api/workspaces/4/contents/31/comments", params={
        "count": 1, "page_token": p1["next_page_token"]})[3]
    check(p1["has_next"] and [c["content_id"] for c in p2["items"]] == [33]
          and not p2["has_next"], "comments paged", (p1, p2))
    error(f.get("/api/workspaces/4/contents/999/comments"), 400, 1003, "unknown content: 1003")
    error(f.get("/api/workspaces/7/contents/31/comments"), 400, 1003, "content of another space")
    error(f.get("/api/workspaces/4/contents/x/comments"), 400, 2023, "non-numeric content id")
    same_keys(f.get("/api/workspaces/4/files/35")[3], example("GET_api_workspaces_4_files_35.json"),
              "file 35")
    error(f.get("/api/workspaces/4/files/31"), 400, 2031, "a thread is not a file: 2031")
    meta = f.get("/api/workspaces/4/files/39")[3]
    status, head, data, _ = f.get("/api/workspaces/4/files/39/raw/Contacts.txt",
                                  params={"force_download": 1})
    check(status == 200 and len(data) == meta["size"] and data.startswith(b"Lawyers'"),
          "raw bytes of the current version")
    check(head.get("Content-Disposition", "").startswith("attachment")
          and head.get("Content-Type") == "text/plain", "attachment, mimetype", head)
    revisions = f.get("/api/workspaces/4/files/39/revisions")[3]
    check([r["revision_id"] for r in revisions["items"]] == [152, 153]
          and [r["version_number"] for r in revisions["items"]] == [1, 2], "two revisions")
    old = f.get("/api/workspaces/4/files/39/revisions/152/raw/raw")
    check(old[2].count(b"\n") == 2 and "Contacts.txt_r152.txt" in old[1].get(
        "Content-Disposition", ""), "an old revision's bytes and default name", old[1])
    error(f.get("/api/workspaces/4/files/39/revisions/150/raw/x"), 400, 1003,
          "a revision of another content")
    big = f.get("/api/workspaces/7/files/53/raw/x.zip")
    block = b"".join(hashlib.sha256(b"53:171:%d" % j).digest() for j in range(2048))
    check(len(big[2]) == 2100000 and big[2][:65536] == block and big[2][65536:131072] == block,
          "a 2 MB file of filler bytes, as documented")


def items_of(reply):
    return [(i["event_id"], i["event_type"]) for i in reply[3]["items"]]


def check_messages(f):
    r = f.get("/api/users/1/messages", params={"workspace_ids": 4, "include_not_sent": 1,
                                               "count": 3})
    same_keys(r[3], example("GET_api_users_1_messages__workspace_ids_4_include_not_sent_1_count_3"
                            ".json"), "messages", extra={"number_of_members"})
    ids = [i["event_id"] for i in r[3]["items"]]
    check(ids == sorted(ids, reverse=True) and r[3]["next_page_token"] == ">i:%d" % ids[-1]
          and r[3]["previous_page_token"] == "<i:%d" % ids[0], "newest first, i: tokens")
    check(len(f.get("/api/users/1/messages")[3]["items"]) == 10, "10 a page by default")
    error(f.get("/api/users/1/messages", params={"count": 0}), 400, 2001, "count=0: 2001")
    every, page = [], {"has_next": True, "next_page_token": None}
    while page["has_next"]:
        params = {"include_not_sent": 1, "count": 4, "workspace_ids": "4,11"}
        if page["next_page_token"]:
            params["page_token"] = page["next_page_token"]
        page = f.get("/api/users/1/messages", params=params)[3]
        every += [i["event_id"] for i in page["items"]]
    world = json.load(open(f.world_file))
    expected = sorted((e["event_id"] for e in world["events"] if e["workspace_id"] in (4, 11)),
                      reverse=True)
    check(every == expected, "the admin's feed of 4 and 11: their whole history", every)
    amel = lambda **p: f.get("/api/users/2/messages", login="amel_b", params=dict(
        {"workspace_ids": 11, "count": 50}, **p))
    sent, history = items_of(amel()), items_of(amel(include_not_sent=1))
    check(len(history) > len(sent) and all(e in history for e in sent),
          "joined later: past events only with include_not_sent=1", (sent, history))
    copied = [i for i in amel(include_not_sent=1)[3]["items"] if (i["event_id"], i["event_type"])
              not in sent]
    check(all(i["read"] == "2024-05-20T09:00:00Z" for i in copied),
          "copied history is read when he joined")
    error(f.get("/api/users/1/messages", login="amel_b"), 403, 4002, "another's feed: 4002")
    check(f.get("/api/users/2/messages")[0] == 200, "an admin reads another's feed")
    karim = f.get("/api/users/4/messages", login="karim_z", params={"count": 100,
                                                                     "include_not_sent": 1})
    spaces = {i["fields"].get("workspace", {}).get("workspace_id") for i in karim[3]["items"]}
    check(11 not in spaces and 12 not in spaces, "no events of spaces he is not in", spaces)
    contents = {i["fields"]["workspace"]["workspace_id"] for i in karim[3]["items"]
                if i["event_type"].startswith("content.")}
    check(contents <= {4, 9}, "content events only from his spaces", contents)
    summary = f.get("/api/users/1/messages/summary")[3]
    same_keys(summary, example("GET_api_users_1_messages_summary.json"), "summary")
    unread = f.get("/api/users/1/messages", params={"read_status": "unread", "count": 100})[3]
    check(summary["messages_count"] == summary["read_messages_count"] +
          summary["unread_messages_count"] and len(unread["items"]) ==
          summary["unread_messages_count"], "summary counts", summary)
    only = items_of(f.get("/api/users/1/messages", params={
        "include_event_types": "workspace_member", "count": 100, "include_not_sent": 1}))
    check(only and all(t.startswith("workspace_member.") for _, t in only),
          "include_event_types")
    related = items_of(f.get("/api/users/1/messages", params={"related_to_content_ids": 31,
                                                              "include_not_sent": 1}))
    check({t for _, t in related} == {"content.created.thread", "content.modified.thread",
                                       "content.created.comment"}, "related_to_content_ids")


def check_control(f):
    f.control("DELETE", "requests")
    f.control("POST", "faults", [{"method": "GET", "path": "^/api/workspaces$", "status": 503,
                                  "times": 2}])
    statuses = [f.get("/api/workspaces")[0] for _ in range(3)]
    check(statuses == [503, 503, 200], "a fault twice, then success", statuses)
    log = f.control("GET", "requests")
    check([e["status"] for e in log] == [503, 503, 200] and log[0]["fault"] == 0
          and log[2]["fault"] is None, "the request log", log)
    f.control("DELETE", "faults")
    f.control("POST", "faults", {"path": "/contents$", "drop": True})
    try:
        f.get("/api/workspaces/4/contents")
        dropped = False
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError):
        dropped = True
    check(dropped, "drop: the connection closes without an answer")
    f.control("POST", "faults", {"path": "/members$", "bad_json": True})
    status, _, data, parsed = f.get("/api/workspaces/4/members")
    check(status == 200 and parsed is None and data, "bad_json: a truncated body")
    f.control("POST", "faults", {"path": "^/api/workspaces$", "missing_field": "label"})
    check(all("label" not in s for s in f.get("/api/workspaces")[3]), "missing_field")
    f.control("POST", "faults", {"path": "^/api/workspaces$",
                                 "unknown_enum": {"field": "access_type", "value": "secret"}})
    check({s["access_type"] for s in f.get("/api/workspaces")[3]} == {"secret"}, "unknown_enum")
    f.control("POST", "faults", {"path": "/messages$", "extra_fields": True,
                                 "missing_field": "fields.author"})
    page = f.get("/api/users/1/messages")[3]
    check("x_fake_envelope" in page and all("x_fake_extra" in i and "author" not in i["fields"]
                                            for i in page["items"]),
          "extra_fields, and a dotted missing_field")
    f.control("POST", "faults", {"path": "whoami", "delay_seconds": 0.3})
    start = time.time()
    check(f.get("/api/auth/whoami")[0] == 200 and time.time() - start >= 0.3, "delay_seconds")
    check(f.get("/api/auth/whoami")[0] == 200, "a spent rule no longer applies")
    f.control("POST", "faults", {"path": "about", "status": 502, "body": "<html>bad gateway",
                                 "times": -1})
    check([f.get("/api/system/about")[0] for _ in range(2)] == [502, 502], "times -1: always")
    f.control("DELETE", "faults")
    check(f.control("GET", "faults") == [], "faults cleared")
    check(f.call("POST", "/__control/faults", login=None, key=None,
                 body=[{"pathh": "x"}])[0] == 400, "a misspelt rule is refused")
    # new events while running: an incremental pull asks only for what is new
    top = f.get("/api/users/1/messages", params={"workspace_ids": 4, "count": 1})[3]["items"][0]
    added = f.control("POST", "world", {
        "contents": [{"content_id": 90, "workspace_id": 4, "content_namespace": "publication",
                      "content_type": "thread", "label": "Breaking news", "author_id": 2,
                      "created": "2025-06-01T10:00:00Z", "raw_content": ""}],
        "events": [{"event_type": "content.created.thread", "created": "2025-06-01T10:00:00Z",
                    "author_id": 2, "workspace_id": 4, "content_id": 90}]})["event_ids"]
    check(len(added) == 1 and added[0] > top["event_id"], "world: an event added", added)
    f.control("DELETE", "requests")
    new, page = [], {"has_next": True, "next_page_token": None}
    while True:
        params = {"workspace_ids": 4, "count": 1}
        if page["next_page_token"]:
            params["page_token"] = page["next_page_token"]
        page = f.get("/api/users/1/messages", params=params)[3]
        fresh = [i["event_id"] for i in page["items"] if i["event_id"] > top["event_id"]]
        new += fresh
        if len(fresh) < len(page["items"]) or not page["has_next"]:
            break
    check(new == added and len(f.control("GET", "requests")) == 2,
          "an incremental pull: the new event, two requests", (new, f.control("GET", "requests")))
    check(f.get("/api/workspaces/4/contents", params={"namespaces_filter": "publication",
                                                      "label": "Breaking"})[3]["items"][0][
        "content_id"] == 90, "world: the content added")
    f.control("POST", "world", {"memberships": [{"workspace_id": 9, "user_id": 6,
                                                 "role": "reader"}]})
    check(f.get("/api/workspaces/9/contents", login="nadia_t")[0] == 200, "world: a membership")
    f.control("POST", "world", {"memberships": [{"workspace_id": 9, "user_id": 6,
                                                 "remove": True}]})
    error(f.get("/api/workspaces/9/contents", login="nadia_t"), 400, 1002,
          "world: a membership removed")


def check_connections(f):
    connection = http.client.HTTPConnection("127.0.0.1", f.port, timeout=30)
    headers = {"Tracim-Api-Key": KEY, "Tracim-Api-Login": "amel_b"}
    statuses = []
    for path in ("/api/auth/whoami", "/api/users/2/messages?count=5", "/api/workspaces/4"):
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        statuses.append(response.status)
    connection.close()
    check(statuses == [200, 200, 200], "keep-alive: three answers on one connection", statuses)
    results = []

    def worker(n):
        for i in range(15):
            path = ("/api/users/1/messages" if i % 3 else "/api/workspaces/4/contents")
            results.append(f.get(path, params={"count": 3})[0])
            if n == 0 and i % 5 == 0:
                f.control("POST", "world", {"events": [{
                    "event_type": "content.modified.thread", "author_id": 1,
                    "workspace_id": 4, "content_id": 31}]})

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(results == [200] * 60, "concurrent requests and world changes", set(results))


def check_other_flags(directory, world):
    f = Fake(directory, world, "--no-mail-server", "--legacy-comments")
    error(f.call("POST", "/api/users", body={"email": "z@example.org", "public_name": "Zed"}),
          500, 2047, "--no-mail-server: notification defaulted to true is refused (500 2047)")
    r = f.call("POST", "/api/users", body={"email": "z@example.org", "public_name": "Zed",
                                           "email_notification": False})
    check(r[0] == 200, "--no-mail-server: without notification, created")
    error(f.call("POST", "/api/workspaces/4/members", body={"user_email": "who@example.org",
                                                           "role": "reader"}),
          400, 1001, "--no-mail-server: no invitation of a new email")
    comments = f.get("/api/workspaces/4/contents/31/comments", params={"count": 1})[3]
    check(isinstance(comments, list) and len(comments) == 2, "--legacy-comments: a bare list")
    check(f.get("/api/system/about")[3]["version"] == "3.9.1",
          "--legacy-comments: about says 3.9.1")
    f.stop()


def check_tls(directory, world):
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                    "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    f = Fake(directory, world, "--tls-cert", cert, "--tls-key", key)
    try:
        f.get("/api/auth/whoami", context=ssl.create_default_context())
        refused = False
    except urllib.error.URLError as e:
        refused = isinstance(e.reason, ssl.SSLCertVerificationError)
    check(refused, "TLS: an untrusted certificate is refused by a verifying client")
    trusted = ssl.create_default_context(cafile=cert)
    check(f.get("/api/auth/whoami", context=trusted)[3]["user_id"] == 1,
          "TLS: accepted with the certificate as CA file")
    f.stop()


# --- a tiny bench world --------------------------------------------------------------------

def check_bench(directory):
    world = os.path.join(directory, "bench.json")
    subprocess.run([sys.executable, os.path.join(HERE, "tracim_world.py"), "bench", "--users", "60",
                    "--spaces", "6", "--contents", "150", "--events", "2400", "--seed", "7",
                    "--output", world], check=True)
    f = Fake(directory, world)
    users = f.get("/api/users")[3]
    check(len(users) == 60 and sum(u["username"] is None for u in users) == 4
          and sum(not u["is_active"] for u in users) == 1, "bench: users",
          [(u["user_id"], u["username"], u["is_active"]) for u in users][:5])
    check(len(f.get("/api/workspaces")[3]) == 6, "bench: six spaces")
    for w in (1, 4):
        ids, page = [], {"has_next": True, "next_page_token": None}
        pages = []
        while page["has_next"]:
            params = {"workspace_ids": w, "include_not_sent": 1, "count": 37}
            if page["next_page_token"]:
                params["page_token"] = page["next_page_token"]
            page = f.get("/api/users/1/messages", params=params)[3]
            pages.append(page)
            ids += [i["event_id"] for i in page["items"]]
        check(ids == list(range(2400 - (2400 - w) % 6, 0, -6)),
              "bench: the admin's feed of space %d is every event of it" % w, ids[:5])
        back = f.get("/api/users/1/messages", params={
            "workspace_ids": w, "include_not_sent": 1, "count": 37,
            "page_token": pages[2]["previous_page_token"]})[3]
        check([i["event_id"] for i in back["items"]] == [i["event_id"] for i in pages[1]["items"]],
              "bench: previous_page_token")
    first = f.get("/api/users/1/messages", params={"count": 200, "include_not_sent": 1})[3]
    again = f.get("/api/users/1/messages", params={"count": 200, "include_not_sent": 1})[3]
    check(first == again and len(first["items"]) == 200, "bench: deterministic")
    types = {i["event_type"].split(".")[0] for i in first["items"]}
    check(types >= {"content"}, "bench: content events", types)
    space = next(s for s in f.get("/api/workspaces")[3])["workspace_id"]
    all_contents = f.get("/api/workspaces/%d/contents" % space, params={
        "namespaces_filter": "content,publication,upload"})[3]["items"]
    paged, page = [], {"has_next": True, "next_page_token": None}
    while page["has_next"]:
        params = {"namespaces_filter": "content,publication,upload", "count": 4}
        if page["next_page_token"]:
            params["page_token"] = page["next_page_token"]
        page = f.get("/api/workspaces/%d/contents" % space, params=params)[3]
        paged += [i["content_id"] for i in page["items"]]
    check(paged == [i["content_id"] for i in all_contents] and len(paged) > 10,
          "bench: contents paged = all", len(paged))
    a_file = next(i for i in all_contents if i["content_type"] == "file")
    meta = f.get("/api/workspaces/%d/files/%d" % (space, a_file["content_id"]))[3]
    data = f.get("/api/workspaces/%d/files/%d/raw/x" % (space, a_file["content_id"]))[2]
    check(len(data) == meta["size"], "bench: file bytes = size")
    revisions = f.get("/api/workspaces/%d/files/%d/revisions" % (space, a_file["content_id"]))[3]
    check(revisions["items"][-1]["revision_id"] == meta["current_revision_id"]
          and len(revisions["items"]) == meta["version_number"], "bench: revisions")
    thread = next((i for i in all_contents if i["content_type"] == "comment"), None)
    if thread:
        comments = f.get("/api/workspaces/%d/contents/%d/comments" % (space, thread["parent_id"]))
        check(thread["content_id"] in [c["content_id"] for c in comments[3]["items"]],
              "bench: a comment under its thread")
    member = next(u for u in users if u["user_id"] > 2 and u["is_active"])
    login = member["email"] or member["username"]
    mine = f.get("/api/users/%d/messages" % member["user_id"], login=login,
                 params={"count": 300, "include_not_sent": 1})[3]["items"]
    spaces = {m["workspace_id"] for w in f.get("/api/workspaces")[3]
              for m in f.get("/api/workspaces/%d/members" % w["workspace_id"],
                             params={"show_disabled_user": 1})[3]
              if m["user_id"] == member["user_id"]}
    seen = {i["fields"]["workspace"]["workspace_id"] for i in mine
            if i["event_type"].startswith("content.")}
    check(seen and seen <= spaces, "bench: a member sees content of his spaces only",
          (seen, spaces))
    f.stop()


def bench_timing(directory):
    world = os.path.join(directory, "big.json")
    subprocess.run([sys.executable, os.path.join(HERE, "tracim_world.py"), "bench", "--users",
                    "10000", "--spaces", "300", "--contents", "100000", "--events", "1000000",
                    "--output", world], check=True)
    start = time.time()
    f = Fake(directory, world)
    print("bench: started in %.2f s" % (time.time() - start))
    connection = http.client.HTTPConnection("127.0.0.1", f.port, timeout=600)
    headers = {"Tracim-Api-Key": KEY, "Tracim-Api-Login": "admin@asf.example"}
    spaces = json.loads(f.get("/api/workspaces")[2])
    start, events, size, requests = time.time(), 0, 0, 0
    for s in spaces:
        token = None
        while True:
            query = {"workspace_ids": s["workspace_id"], "include_not_sent": 1, "count": 1000}
            if token:
                query["page_token"] = token
            connection.request("GET", "/api/users/1/messages?" + urllib.parse.urlencode(query),
                               headers=headers)
            body = connection.getresponse().read()
            page = json.loads(body)
            events, size, requests = events + len(page["items"]), size + len(body), requests + 1
            if not page["has_next"]:
                break
            token = page["next_page_token"]
    spent = time.time() - start
    rss = open("/proc/%d/status" % f.process.pid).read().split("VmHWM:")[1].split()[0]
    print("bench: %d events, %d requests, %.0f MB, in %.1f s: %.0f events/s; peak memory %s kB"
          % (events, requests, size / 1e6, spent, events / spent, rss))
    f.stop()


def main():
    global verbose
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--bench", action="store_true")
    args = parser.parse_args()
    verbose = args.verbose
    start = time.time()
    with tempfile.TemporaryDirectory() as directory:
        world = os.path.join(directory, "small.json")
        subprocess.run([sys.executable, os.path.join(HERE, "tracim_world.py"), "small",
                        "--output", world], check=True)
        f = Fake(directory, world)
        try:
            check_auth(f)
            check_users(f)
            new_user = check_user_creation(f)
            check_enable(f, new_user)
            check_spaces(f)
            check_members(f)
            check_contents(f)
            check_comments_files(f)
            check_messages(f)
            check_control(f)
            check_connections(f)
        finally:
            f.stop()
        check_other_flags(directory, world)
        check_tls(directory, world)
        check_bench(directory)
        if args.bench:
            bench_timing(directory)
    print("%s: %d failures, %.1f s" % ("FAILED" if failures else "passed", len(failures),
                                       time.time() - start))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
