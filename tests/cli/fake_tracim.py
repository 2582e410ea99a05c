#!/usr/bin/python3
"""A fake Tracim (the network's collaboration platform) on loopback, for the connector's tests.

    fake_tracim.py --port-file FILE --world WORLD.json --api-key KEY
                   [--faults RULES.json] [--legacy-comments] [--no-mail-server]
                   [--tracim-version V] [--tls-cert CERT --tls-key KEY] [--verbose]

It binds 127.0.0.1 on a free port, writes its pid to FILE.pid and then the port to FILE (atomically:
wait until FILE is non-empty), serves HTTP/1.1 (keep-alive; HTTPS with --tls-cert/--tls-key) until
SIGTERM. Python 3 standard library only. Written from /work/shared/tracim-api (README.md, examples/)
and checked against the Tracim backend at release 2025-04.00 (backend/tracim_backend/...); where the
backend says more than the notes, the backend wins and a comment below says so ("backend:").
Worlds come from tracim_world.py; fake_tracim_selftest.py checks everything described here.

THE API (prefix /api; every call needs the headers Tracim-Api-Key: KEY and Tracim-Api-Login: an
active, not deleted user's email (case-insensitive) or username; the call is made as that user)
  GET  /api/system/about                    GET /api/auth/whoami
  GET  /api/users                           administrators; deleted excluded, disabled included,
                                            ordered by lower(public_name); a bare list
  GET  /api/users/{id}                      that user or an administrator
  POST /api/users                           administrators; {email, username, password, public_name,
                                            profile, lang, timezone, email_notification, allowed_space}
  PUT  /api/users/{id}/disabled, /enabled   administrators; 204
  GET  /api/workspaces[?parent_ids=0,4]     administrators only (others: 403 4002; a user lists his
                                            own spaces with /api/users/{id}/workspaces, not served
                                            here); deleted spaces excluded; ordered by id
  GET  /api/workspaces/{id}                 administrator or member
  GET  /api/workspaces/{id}/members[?show_disabled_user=1]      administrator or member; by user_id
  GET  /api/workspaces/{id}/members/{user_id}
  POST /api/workspaces/{id}/members {role, user_id | user_email | user_username}   admin or space
  PUT  /api/workspaces/{id}/members/{user_id} {role}                             manager
  DELETE /api/workspaces/{id}/members/{user_id}                 204 (admin, space manager or himself)
  GET  /api/workspaces/{id}/contents        members only: an administrator who is not a member
                                            gets 403 4003, another user 400 1002
       ?namespaces_filter=content,upload,publication (default content) &parent_ids=0,36 (0 = root;
       absent = EVERY content of the space, nested ones and comments included, as the backend does)
       &content_type=file &label=substring &show_archived=0 &show_deleted=0 &show_active=1
       &complete_path_to_id=N &sort=label:asc|label:desc|modified:asc|...|created:desc
       &count=N (0, the default: everything, no paging) &page_token=T
       ordered by the sort column (labels by code point; PostgreSQL's collation may differ),
       then content_id ascending
  GET  /api/workspaces/{id}/contents/{cid}/comments?count&page_token&sort   (--legacy-comments: a
                                            bare list, as before 4.0)
  GET  /api/workspaces/{id}/files/{cid}     file metadata (FileContentSchema: mimetype, size...)
  GET  /api/workspaces/{id}/files/{cid}/revisions?count&page_token&sort   (default modified:asc)
  GET  /api/workspaces/{id}/files/{cid}/raw/{name}?force_download=1        the current bytes
  GET  /api/workspaces/{id}/files/{cid}/revisions/{revision_id}/raw/{name}  one revision's bytes
  GET  /api/users/{id}/messages?workspace_ids=4,7&include_not_sent=1&count=N&page_token=T
       &read_status=all|read|unread &include_event_types=content.created,workspace_member
       &exclude_event_types=... &exclude_author_ids=1,2 &related_to_content_ids=31
       newest first; count defaults to 10 and must be >= 1; that user or an administrator
  GET  /api/users/{id}/messages/summary     same filters; {messages_count, read_messages_count,...}
Unknown query parameters and body fields are ignored (marshmallow 2, as the backend). Writes
through the API add the events the backend would: user.created, user.modified,
workspace_member.created/modified/deleted (author: the caller, date: now).

Paging (contents, comments, revisions, messages) is keyset paging shaped as the backend's
(sqlakeyset): {"items", "has_next", "has_previous", "next_page_token", "previous_page_token",
"per_page"}. A token is ">" (next) or "<" (previous) then the sort key of the page's last (first)
row, each value typed (s: string, i: int, dt: date "2024-04-03 08:00:00") and joined by "~" with "\\"
escaping, e.g. ">s:Annual report 2024~i:35" or ">i:201": a client must URL-encode it. Both
directions work. Without count (count=0) the envelope has empty tokens and per_page = len(items).
A token that does not parse is 400 2001; one that parses but does not fit the sort (a raw "&" in
an unencoded token cuts it) reaches sqlakeyset in the backend and is a 500 with code null.

ERRORS, as the backend gives them (which differs from the notes; see "backend:" comments):
  {"code": int|null, "message": str, "details": {...}}
  401 code null   bad or missing key/login, disabled or deleted login (the notes say 4001: the
                  backend raises NotAuthenticated, which has no code; its tests assert null)
  400 1001/1002/1003  unknown (or invisible) user / workspace / content: 400, not 404 (backend
                  __init__.py maps UserDoesNotExist, WorkspaceNotFound, ContentNotFound to 400)
  400 1005 not a member, 2001 validation (details name the field, or "_schema"), 2022/2023 a
      non-numeric workspace/content id, 2031 not a file, 2036 email exists, 2042/2043 inviting a
      disabled/deleted user, 2062 bad username, 2063 username exists, 2065 creating a user
      without email, 2066 reserved username, 3003
      disabling oneself, 3008 already a member, 3011 last space manager
  403 4002 insufficient profile, 4003 insufficient role in the space
  404 code 9999   no such route (checked before authentication, as pyramid does)
  500 code 2047   POST /api/users with email_notification true (or absent: it defaults to true)
                  when started with --no-mail-server (the backend raises an exception no view
                  handles, so the global 500 handler answers, with the code)
  Error "details" are {"error_detail": {}} for such errors (hapic's builder), the field errors for
  validation.

THE WORLD FILE (JSON, made by tracim_world.py; dates are "YYYY-MM-DDTHH:MM:SSZ"; optional keys in [])
  {["about": {"version", "build_version", "database_schema_version"}],
   "users": [{"user_id", "email" (or null), "public_name", "username" (or null), "profile"
              (users|trusted-users|administrators), "lang", "timezone", "created", "is_active",
              "is_deleted", ["auth_type" internal, "has_cover" false, "allowed_space" 0]}],
   "spaces": [{"workspace_id", "label", "access_type" (open|on_request|confidential), "parent_id",
               "created", "is_deleted", "description", ["slug" (default: slug of the label),
               "owner_id" null, "default_user_role" contributor, "agenda_enabled" false,
               "public_upload_enabled" false, "public_download_enabled" false,
               "publication_enabled" true]}],
   "memberships": [{"workspace_id", "user_id", "role" (reader|contributor|content-manager|
                    workspace-manager), ["created": when he joined (default the space's creation),
                    "email_notification_type" daily]}]   ("is_active" is accepted and ignored: the
                    API's member is_active is the user's)
   "contents": [{"content_id", "workspace_id", "content_namespace" (content|upload|publication),
                 "content_type" (thread|file|folder|html-document|comment), "parent_id", "label",
                 ["filename": for a file, "Report.pdf" gives label "Report" and extension ".pdf"
                 (the backend stores a file's label without its extension)], "author_id", "created",
                 ["modified"], "is_archived", "is_deleted", "raw_content", ["description", "status"
                 open], ["versions": [{"revision_id", "revision_type" (creation|revision|edition|
                 archiving|deletion), "created", "author_id", and for a file "mimetype" and either
                 "bytes" (text), "bytes_b64", or "size" alone for the deterministic filler}]]}]
   "events": [{"event_id", "event_type" (content.created.thread, content.modified.file,
               workspace_member.created, workspace.created, user.created...), "created",
               "author_id", "workspace_id", ["content_id", "revision_id" (default: the content's
               revision current at "created"), "user_id" (the member or user the event is about),
               "role", "client_token" null, "read": {"USER_ID": date}]}],
   "bench": {"seed", "users", "spaces", "contents", "events", ["span_days" 1095,
             "max_file_size" 262144]}}
  A "bench" world is generated lazily and deterministically from its parameters (see class Bench):
  users, spaces and memberships are built at start (10,000 users: well under a second), contents
  per space on demand, events are computed from their id, file bytes from (content, revision).
  Explicit items may be given beside "bench": new ones with ids above the generated ones, or
  with a generated item's id to replace it.
  Filler bytes: byte i of revision R of content C is block[i % 65536], block being the
  concatenation of sha256(b"C:R:j").digest() for j in 0..2047.

FAN-OUT (who sees an event in /messages; backend lib/core/event.py, simplified to current state):
  content events: the space's members. workspace_member events: members, administrators and the
  member concerned. workspace events: everybody for open/on_request spaces, else members and
  administrators. user events: the user, administrators and users sharing a space with him.
  Nothing of a deleted space. A member sees the space's events from before he joined as copied
  history: "not sent" (only with include_not_sent=1) and read at the time he joined. A removed
  member loses the space's messages (except events about his removal). Explicit events are read
  when their "read" map says so; bench messages are read except every 4th and the newest tenth.

CONTROL (no authentication, never under /api; JSON in and out)
  POST   /__control/faults   a list of rules (or one), appended; DELETE clears; GET lists them.
         A rule: {"method": "GET" (default any), "path": "regex searched in the path",
         ["query": "regex searched in the raw query string"], "times": 1 (how many matching
         requests it hits, then it is spent; -1: all), "delay_seconds": 0, "status": 503,
         "code": null, "message", "headers": {}, "body": "raw body instead of JSON",
         "drop": true (close the connection without answering), "bad_json": true|"truncate"|
         "garbage" (the real answer cut in half, or not JSON), "missing_field": "name" (removed
         from each item: the elements of a list or of "items", or the object; dotted paths
         reach inside), "unknown_enum": {"field": "access_type", "value": "secret"},
         "extra_fields": true (unknown fields added to each item and to the envelope)}.
         The first matching live rule applies; a rule with only delay_seconds slows the real answer.
         The same list may be given at start with --faults FILE.
  POST   /__control/world    {"users": [...], "spaces", "memberships", "contents", "events",
         "about"} as in the world file: added, or replacing the item with the same id. An event
         without event_id gets the next id, without created gets now. A membership with
         "remove": true is removed. Answers {"event_ids": [...]}.
  GET    /__control/requests  the log of /api requests: [{"seq", "method", "path", "query" (raw),
         "params" {name: value}, "login", "status" (0 when dropped), "fault" (rule index or null),
         "bytes"}]; DELETE clears it.
  GET    /__control/pushed   what the API created or changed, in order: [{"seq", "action"
         (create_user|add_member|change_member|remove_member|disable_user|enable_user), "method",
         "path", "body" (the JSON received, exactly), "result" (ids; for create_user also
         "email_notification" as applied and "invitation_sent")}]; DELETE clears it.

--legacy-comments also makes /api/system/about say version 3.9.1 (build release_03.09.01);
--tracim-version V overrides the version whatever the world or the flags say.

SPEED (fake_tracim_selftest.py --bench, on this 2-core machine): the bench world of 10,000 users,
300 spaces, 100,000 contents and 1,000,000 events starts in 0.4 to 0.6 s; the administrator's feed,
pulled space by space in pages of 1,000 with include_not_sent=1 (990,000 events: 3 spaces are
deleted; 1,188 requests, 2.06 GB of JSON) took 76 to 93 s with the Python client parsing every
page on the same machine, 10,600 to 13,100 events/s; peak memory 155 MB. A warm page of 2,000
events costs the server about 80 ms.
"""
import argparse
import base64
import bisect
import calendar
import csv
import datetime
import functools
import hashlib
import heapq
import io
import json
import os
import re
import signal
import socket
import ssl
import sys
import threading
import time
import traceback
import unicodedata
import urllib.parse
from array import array
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROLES = {"reader": 1, "contributor": 2, "content-manager": 4, "workspace-manager": 8}
PROFILES = {"users": 1, "trusted-users": 2, "administrators": 3}
ACCESS_TYPES = ("open", "on_request", "confidential")
NAMESPACES = ("content", "upload", "publication")
# backend: ContentTypeSlug plus the legacy alias "page" of html-document
CONTENT_TYPES = ("any", "folder", "file", "thread", "html-document", "page", "comment", "kanban",
                 "todo", "logbook")
# backend: every content gets all the types enabled on the platform as allowed sub-contents
# (models/data.py, default_allowed_content_properties); the notes' examples show [] for threads
# and files, but that is what the schema allows, not what the backend fills in
SUB_CONTENT_TYPES = ["folder", "file", "html-document", "thread", "comment"]
EXTENSIONS = {"thread": ".thread.html", "html-document": ".document.html"}
MIMETYPES = {".pdf": "application/pdf", ".odt": "application/vnd.oasis.opendocument.text",
             ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             ".jpg": "image/jpeg", ".png": "image/png", ".txt": "text/plain", ".csv": "text/csv",
             ".mp3": "audio/mpeg", ".zip": "application/zip"}
SIDEBAR = [("dashboard", "Dashboard", "/ui/workspaces/{}/dashboard", "fas fa-th", "#fdfdfd"),
           ("publications", "News", "/ui/workspaces/{}/publications", "fas fa-stream", "#661F98"),
           ("contents/all", "Contents", "/ui/workspaces/{}/contents", "fas fa-th", "#fdfdfd")]
ABOUT = {"name": "Tracim", "version": "5.0.0", "build_version": "release_2025-04.00",
         "website": "https://www.tracim.fr", "database_schema_version": "38d2725ca92f"}
LEGACY_ABOUT = {"version": "3.9.1", "build_version": "release_03.09.01"}
VALIDATION = "Validation error of input data"
DEFAULT_MESSAGES_PER_PAGE = 10  # backend: lib/utils/utils.py DEFAULT_NB_ITEM_PAGINATION
LOG_LIMIT = 200000


class ApiError(Exception):
    def __init__(self, status, code, message, details=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        # backend: hapic's error builder puts {"error_detail": {}} in details for exceptions
        self.details = {"error_detail": {}} if details is None else details


def invalid(field, message):
    return ApiError(400, 2001, VALIDATION, {field: [message]})


# --- dates, slugs, hashes --------------------------------------------------------------------

def iso(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def epoch(text):
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def now_iso():
    return iso(time.time())


def http_date(text):
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(epoch(text)))


def slugify(text):
    # backend: python-slugify; this keeps its ASCII behaviour (non-Latin scripts are dropped here,
    # transliterated there)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def display_filename(name):
    # backend: core_convert_file_name_to_display
    return name.replace("/", "\u29f8").replace("\\", "\u29f9")


MASK = (1 << 64) - 1


def mix(*values):
    """A fast deterministic 64-bit hash of small integers (splitmix-like)."""
    h = 0x9E3779B97F4A7C15
    for v in values:
        h = ((h ^ (v & MASK)) * 0xBF58476D1CE4E5B9) & MASK
        h ^= h >> 31
        h = (h * 0x94D049BB133111EB) & MASK
        h ^= h >> 29
    return h


@functools.lru_cache(maxsize=64)
def filler_block(content_id, revision_id):
    return b"".join(hashlib.sha256(b"%d:%d:%d" % (content_id, revision_id, j)).digest()
                    for j in range(2048))


def filler_chunks(content_id, revision_id, size):
    block = filler_block(content_id, revision_id)
    for start in range(0, size, len(block)):
        yield block[:min(len(block), size - start)]


# --- keyset tokens, as sqlakeyset writes them --------------------------------------------------

TOKEN_CSV = dict(lineterminator="", delimiter="~", doublequote=False, escapechar="\\",
                 quoting=csv.QUOTE_NONE)


class Stamp(str):
    """A date in a sort key: compared as its ISO text, written "dt:2024-04-03 08:00:00"."""


def token_value(v):
    if v is None:
        return "x"
    if v is True or v is False:
        return "true" if v else "false"
    if isinstance(v, Stamp):
        return "dt:%s %s" % (v[:10], v[11:19])
    if isinstance(v, int):
        return "i:%d" % v
    return "s:" + v


def encode_token(values, backwards):
    out = io.StringIO()
    if values is not None:
        csv.writer(out, **TOKEN_CSV).writerow([token_value(v) for v in values])
    return ("<" if backwards else ">") + out.getvalue()


def decode_token(token):
    """(values, backwards), or (None, False) for no token; ApiError 400 2001 when malformed."""
    if not token:
        return None, False
    bad = invalid("page_token", 'Page token "%s" is not a valid page token' % token)
    if token[0] not in "<>":
        raise bad
    values = []
    if token[1:]:
        try:
            cells = next(csv.reader([token[1:]], **TOKEN_CSV))
        except (csv.Error, StopIteration):
            raise bad
        for cell in cells:
            kind, _, text = cell.partition(":")
            try:
                if kind == "s":
                    values.append(text)
                elif kind == "i":
                    values.append(int(text))
                elif kind == "dt":
                    stamp = datetime.datetime.fromisoformat(text)
                    values.append(Stamp(stamp.strftime("%Y-%m-%dT%H:%M:%SZ")))
                elif kind == "x":
                    values.append(None)
                elif kind in ("true", "false"):
                    values.append(kind == "true")
                else:
                    raise ValueError(kind)
            except ValueError:
                raise bad
    return (values or None), token[0] == "<"


def page_envelope(rows, count, backwards, place, key):
    """The page as sqlakeyset builds it: rows holds up to count+1 rows in the query's direction."""
    excess, rows = rows[count:], rows[:count]
    four = [place, key(rows[0]) if rows else None, key(rows[-1]) if rows else None,
            key(excess[0]) if excess else None]
    if backwards:
        rows.reverse()
        four.reverse()
    before, first, last, beyond = four
    return rows, {"has_next": bool(beyond), "has_previous": bool(before),
                  "next_page_token": encode_token(last or before, False),
                  "previous_page_token": encode_token(first or beyond, True), "per_page": count}


def compare(a, b, directions):
    for x, y, asc in zip(a, b, directions):
        if x != y:
            if x is None or y is None:
                less = x is None
            else:
                less = x < y
            return (-1 if less else 1) * (1 if asc else -1)
    return 0


def unfit_token(place, kinds):
    """backend: a well-formed token that does not fit the sort reaches sqlakeyset (InvalidPage)
    or the database, and nothing handles that: 500, code null."""
    if place is not None and (len(place) != len(kinds) or not all(
            v is None or isinstance(v, k) for v, k in zip(place, kinds))):
        return ApiError(500, None, "Page marker has different column count to query's order "
                                   "clause" if len(place) != len(kinds) else
                        "(psycopg2.errors.InvalidTextRepresentation) invalid input syntax")
    return None


def paginate(items, key, directions, count, token, kinds):
    """Keyset paging of an already sorted list; count 0 gives everything without paging."""
    if not count:
        return items, {"has_next": False, "has_previous": False, "next_page_token": "",
                       "previous_page_token": "", "per_page": len(items)}
    place, backwards = decode_token(token)
    if unfit_token(place, kinds):
        raise unfit_token(place, kinds)
    try:
        if backwards:
            rows = [it for it in reversed(items) if place is None
                    or compare(key(it), place, directions) < 0][:count + 1]
        else:
            rows = [it for it in items if place is None
                    or compare(key(it), place, directions) > 0][:count + 1]
    except TypeError:
        raise unfit_token([object()], [int])
    return page_envelope(rows, count, backwards, place, key)


# --- the world ---------------------------------------------------------------------------------

def role_level(membership):
    return ROLES[membership["role"]] if membership else 0


def event_parts(event_type):
    parts = event_type.split(".")
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


class Bench:
    """The generated part of a bench world, a pure function of its parameters.

    Users 1..U: 1 is the administrator admin@asf.example (space manager of every space), 2 a second
    administrator in no space; then every 13th user has no username, every 97th no email, every
    50th is a trusted user, every 40th is disabled, every 250th deleted. Spaces 1..S: one in 100
    deleted, one in 5 a child of the space before it. Each user from 3 on belongs to 1 to 4 spaces.
    Content c lives in space (c-1) % S + 1 at local index (c-1) // S. Event e belongs to space
    w = (e-1) % S + 1, as its k-th event, k = (e-1) // S: k = 0 creates the space, the next ones add
    its members in order, the rest are content slots: content i is created at slot i*R and the
    other slots modify one of the few contents created just before (its last modification can be
    a deletion or an archiving). Event e happens at 2022-01-01 + e * span/E."""

    LOOKBACK = 5
    FIRST = ["Amel", "Youssef", "Salma", "Karim", "Nadia", "Omar", "Leila", "Hassan", "Ines",
             "Mehdi", "Sarah", "Rachid", "Fatima", "Samir", "Hela", "Walid", "Maya", "Tarek"]
    LAST = ["B.", "K.", "R.", "Z.", "T.", "M.", "Haddad", "Ben Ali", "El Fassi", "Nasser"]
    LANGS = [("fr", "Africa/Tunis"), ("ar", "Africa/Tunis"), ("fr", "Africa/Casablanca"),
             ("en", "Africa/Cairo"), ("ar", "Asia/Beirut"), ("fr", "Europe/Brussels")]
    PLACES = ["Tunisia", "Morocco", "Lebanon", "Egypt", "Algeria", "Jordan", "Libya", "Palestine"]
    TOPICS = ["anti-discrimination", "prisons", "legal aid", "migrants", "press freedom",
              "women's rights", "detention", "fair trial"]
    WORDS = ["Hearing", "Report", "Visit", "Q&A", "Minutes", "Budget+plan", "Procès-verbal",
             "Interview", "Field notes", "Appeal", "Case ~ review", "Training"]
    FILE_EXTS = [".pdf", ".odt", ".docx", ".jpg", ".xlsx", ".txt"]

    def __init__(self, params, world):
        self.seed = int(params.get("seed", 1))
        self.U, self.S = int(params["users"]), int(params["spaces"])
        self.C, self.E = int(params["contents"]), int(params["events"])
        self.T0 = epoch("2022-01-01T00:00:00Z")
        self.dt = max(1.0, int(params.get("span_days", 1095)) * 86400.0 / max(1, self.E))
        self.max_size = int(params.get("max_file_size", 262144))
        self.order = {}  # space -> [(user, first role)] in joining order
        self.timelines = {}
        self.timeline_lock = threading.Lock()
        self._make_users(world)
        self._make_spaces(world)
        self._make_memberships(world)

    def time(self, event_id):
        return iso(self.T0 + int(event_id * self.dt))

    def read(self, event_id, uid):
        """When uid read his message of a generated event, or None."""
        if event_id > self.E * 9 // 10 or (event_id + uid) % 4 == 0:
            return None
        return iso(self.T0 + int(event_id * self.dt) + 600)

    def space_of(self, event_id):
        return (event_id - 1) % self.S + 1, (event_id - 1) // self.S

    def _make_users(self, world):
        for u in range(1, self.U + 1):
            h = mix(self.seed, u, 1)
            lang, tz = self.LANGS[h % len(self.LANGS)]
            user = {"user_id": u, "email": "user%d@bench.example" % u,
                    "public_name": "%s %s %d" % (self.FIRST[h % 18], self.LAST[(h >> 8) % 10], u),
                    "username": "user%d" % u, "profile": "users", "lang": lang, "timezone": tz,
                    "created": iso(self.T0 - 86400 * 30 + u * 60), "is_active": u % 40 != 0,
                    "is_deleted": u % 250 == 0}
            if u % 13 == 0:
                user["username"] = None
            elif u % 97 == 0:
                user["email"] = None
            if u % 50 == 0:
                user["profile"] = "trusted-users"
            if u <= 2:
                user.update(is_active=True, is_deleted=False, profile="administrators")
                user.update([("email", "admin@asf.example"), ("public_name", "ASF Admin"),
                             ("username", "asf-admin")] if u == 1 else
                            [("email", "ops@asf.example"), ("public_name", "Ops Admin"),
                             ("username", "ops-admin")])
            world.put_user(user)

    def _make_spaces(self, world):
        for w in range(1, self.S + 1):
            h = mix(self.seed, w, 2)
            access = "confidential" if h % 10 < 5 else "on_request" if h % 10 < 8 else "open"
            world.put_space({
                "workspace_id": w, "owner_id": 1, "access_type": access,
                "label": "%s %s %d" % (self.PLACES[h % 8], self.TOPICS[(h >> 8) % 8], w),
                "parent_id": w - 1 if w % 5 == 0 else None, "created": self.time(w),
                "is_deleted": w % 100 == 50,
                "description": "<p>Space %d of the bench network</p>" % w})

    def _make_memberships(self, world):
        joins = {w: [(1, "workspace-manager")] for w in range(1, self.S + 1)}
        for u in range(3, self.U + 1):
            h = mix(self.seed, u, 3)
            spaces = {(u * 7919 + j * 104729 + self.seed) % self.S + 1 for j in range(1 + h % 4)}
            for w in spaces:
                r = mix(self.seed, u, w) % 20
                role = ("contributor" if r < 10 else "reader" if r < 16 else
                        "content-manager" if r < 19 else "workspace-manager")
                joins[w].append((u, role))
        for w, members in joins.items():
            self.order[w] = members
            for k, (u, role) in enumerate(members, 1):
                e = w + k * self.S
                joined = self.time(e) if e <= self.E else world.spaces[w]["created"]
                world.put_membership({"workspace_id": w, "user_id": u, "role": role,
                                      "created": joined})

    def member_slots(self, w):
        k_max = (self.E - w) // self.S + 1 if w <= self.E else 0
        return min(len(self.order[w]), max(0, k_max - 1)), k_max

    def count_in(self, w):
        return (self.C - w) // self.S + 1 if w <= self.C else 0

    def timeline(self, w):
        """Per space: which content each content slot touches and its revision number."""
        with self.timeline_lock:
            if w in self.timelines:
                return self.timelines[w]
        members, k_max = self.member_slots(w)
        base = 1 + members
        slots, n = max(0, k_max - base), self.count_in(w)
        r = max(1, slots // n) if n else 1
        target, revno = array("i", [-1]) * slots, array("i", [0]) * slots
        nrev, last = array("i", [0]) * n, array("i", [-1]) * n
        for t in range(slots if n else 0):
            q = t // r
            if t % r == 0 and q < n:
                i = q
            else:
                top = min(q, n - 1)
                i = top - mix(self.seed, w, t) % min(self.LOOKBACK, top + 1)
            nrev[i] += 1
            revno[t], last[i], target[t] = nrev[i], t, i
        tl = {"base": base, "r": r, "n": n, "target": target, "revno": revno, "nrev": nrev,
              "last": last, "slots": slots}
        with self.timeline_lock:
            self.timelines[w] = tl
        return tl

    def slot_event(self, w, t, tl):
        return w + (tl["base"] + t) * self.S

    # contents

    def kind(self, c):
        r = mix(self.seed, c, 7) % 100
        return (("folder", "content") if r < 8 else ("file", "content") if r < 30 else
                ("thread", "publication") if r < 40 else ("file", "publication") if r < 45 else
                ("html-document", "content") if r < 55 else ("file", "upload") if r < 57 else
                ("comment", None))

    def parent(self, c, kind):
        """The comment's thread (or file publication), or a file's folder, or None."""
        w, i = (c - 1) % self.S + 1, (c - 1) // self.S
        for j in range(i - 1, max(-1, i - 31), -1):
            kj = self.kind(j * self.S + w)
            if kind == "comment" and kj[1] == "publication":
                return j * self.S + w
            if kind in ("file", "html-document") and kj[0] == "folder":
                return j * self.S + w if mix(self.seed, c, 9) % 2 else None
        return None

    def content(self, c, world):
        if not 1 <= c <= self.C:
            return None
        w, i = (c - 1) % self.S + 1, (c - 1) // self.S
        ctype, namespace = self.kind(c)
        parent = self.parent(c, ctype) if ctype != "folder" else None
        if ctype == "comment":
            if parent is None:
                ctype, namespace = "thread", "publication"
            else:
                namespace = self.kind(parent)[1]
        if ctype == "file" and namespace == "upload":
            parent = None
        h = mix(self.seed, c, 8)
        word, place = self.WORDS[h % len(self.WORDS)], self.PLACES[(h >> 8) % 8]
        label, ext = "%s %s %d" % (word, place, i), EXTENSIONS.get(ctype, "")
        if ctype == "file":
            ext = self.FILE_EXTS[(h >> 16) % len(self.FILE_EXTS)]
        if ctype == "comment":
            label = ""
        tl = self.timeline(w)
        members = [u for u, _ in self.order[w]]
        revisions, slots = [], self.slots_of(tl, i)
        final = mix(self.seed, c, 10) % 50 if len(slots) > 1 and ctype != "comment" else 99
        for number, t in enumerate(slots, 1):
            e = self.slot_event(w, t, tl)
            kind = ("creation" if number == 1 else "deletion" if final == 0 and t == slots[-1]
                    else "archiving" if final == 1 and t == slots[-1]
                    else "revision" if ctype == "file" else "edition")
            rev = {"revision_id": e, "revision_type": kind, "created": self.time(e),
                   "author_id": members[mix(self.seed, e, 11) % len(members)], "event_id": e}
            if ctype == "file":
                rev.update(mimetype=MIMETYPES[ext], filler=True,
                           size=200 + mix(self.seed, c, e) % max(1, self.max_size - 200))
            revisions.append(rev)
        if not revisions:  # too few events for this content: it exists without any
            revisions.append({"revision_id": 10 ** 9 + c, "revision_type": "creation",
                              "created": world.spaces[w]["created"], "author_id": 1})
            if ctype == "file":
                revisions[0].update(mimetype=MIMETYPES[ext], filler=True, size=200 + c % 1000)
        raw = ("<p>Comment %d: agreed, see the attached notes.</p>" % c if ctype == "comment"
               else "<p>%s</p>" % label if ctype == "html-document" else "")
        return {"content_id": c, "workspace_id": w, "content_namespace": namespace,
                "content_type": ctype, "parent_id": parent, "label": label,
                "file_extension": ext, "author_id": revisions[0]["author_id"],
                "created": revisions[0]["created"], "is_archived": final == 1,
                "is_deleted": final == 0, "status": "open", "description": "",
                "raw_content": raw, "revisions": revisions}

    def slots_of(self, tl, i):
        if i >= tl["n"] or i * tl["r"] >= tl["slots"]:
            return []
        r, n, target = tl["r"], tl["n"], tl["target"]
        end = min(tl["slots"], (i + self.LOOKBACK) * r)
        found = [t for t in range(i * r, end) if target[t] == i]
        if i >= n - self.LOOKBACK:  # the slots past the last creation modify the last contents
            found += [t for t in range(max(end, n * r), tl["slots"]) if target[t] == i]
        return found

    def content_ids(self, w):
        return range(w, self.C + 1, self.S) if w <= self.C else range(0)

    def children(self, c):
        w, i = (c - 1) % self.S + 1, (c - 1) // self.S
        return [j * self.S + w for j in range(i + 1, min(self.count_in(w), i + 32))]

    # events

    def event(self, e, world):
        if not 1 <= e <= self.E:
            return None
        w, k = self.space_of(e)
        created = self.time(e)
        members, _ = self.member_slots(w)
        if k == 0:
            return {"event_id": e, "event_type": "workspace.created", "created": created,
                    "author_id": world.spaces[w].get("owner_id"), "workspace_id": w}
        if k <= members:
            u, role = self.order[w][k - 1]
            return {"event_id": e, "event_type": "workspace_member.created", "created": created,
                    "author_id": 1, "workspace_id": w, "user_id": u, "role": role,
                    "email_notification_type": "daily"}
        tl = self.timeline(w)
        t = k - tl["base"]
        i = tl["target"][t]
        if i < 0:
            return {"event_id": e, "event_type": "workspace.modified", "created": created,
                    "author_id": 1, "workspace_id": w}
        c = i * self.S + w
        content = world.content(c)
        if content is None or content["workspace_id"] != w:
            return {"event_id": e, "event_type": "workspace.modified", "created": created,
                    "author_id": 1, "workspace_id": w}
        rev = next((r for r in content["revisions"] if r.get("event_id") == e), None)
        kind = rev["revision_type"] if rev else "edition"
        op = "created" if kind == "creation" else "deleted" if kind == "deletion" else "modified"
        return {"event_id": e, "event_type": "content.%s.%s" % (op, content["content_type"]),
                "created": created, "author_id": rev["author_id"] if rev else 1,
                "workspace_id": w, "content_id": c, "revision_id": e}

    def event_ids(self, spaces, bound, descending, extra=()):
        """Event ids of the given spaces (None: all), beyond bound, in the paging direction."""
        E, S = self.E, self.S
        if spaces is None or len(spaces) * 4 >= S:
            ids = (range(min(E, bound - 1), 0, -1) if descending else range(max(1, bound + 1), E + 1))
            if spaces is not None:
                ids = (e for e in ids if (e - 1) % S + 1 in spaces)
            if not extra:
                return iter(ids)
            return heapq.merge(ids, extra, reverse=descending)
        ranges = []
        for w in spaces:
            if descending:
                top = min(E, bound - 1)
                if top >= w:
                    ranges.append(range(top - (top - w) % S, 0, -S))
            else:
                low = max(w, bound + 1)
                ranges.append(range(low + (w - low) % S, E + 1, S))
        return heapq.merge(*ranges, extra, reverse=descending)


class World:
    """Everything the platform knows, explicit or generated, and the API's changes to it."""

    def __init__(self, data):
        self.lock = threading.RLock()
        self.users, self.spaces = {}, {}
        self.members = {}       # space -> {user: membership}
        self.user_spaces = {}   # user -> {space: membership}
        self.left = {}          # (space, user) -> when he was removed
        self.contents = {}      # explicit contents
        self.space_contents = {}  # space -> set of explicit content ids
        self.children_of = {}   # content -> set of explicit children
        self.events, self.event_ids = {}, []
        self.about = dict(ABOUT)
        self.revision_seq = 0
        self.cache = {}         # JSON text of users and spaces, as events repeat them
        self.generated = {}     # bench contents recently built
        self.bench = None
        if data.get("bench"):
            self.bench = Bench(data["bench"], self)
        self.merge(data)

    # building and changing

    def put_user(self, user):
        u = dict(user)
        u.setdefault("auth_type", "internal")
        u.setdefault("has_cover", False)
        u.setdefault("allowed_space", 0)
        u.setdefault("is_active", True)
        u.setdefault("is_deleted", False)
        u.setdefault("username", None)
        u.setdefault("email", None)
        if u["email"]:
            u["email"] = u["email"].lower()
        self.users[u["user_id"]] = u
        self.user_spaces.setdefault(u["user_id"], {})

    def put_space(self, space):
        s = dict(space)
        for key, default in (("owner_id", None), ("default_user_role", "contributor"),
                             ("agenda_enabled", False), ("public_upload_enabled", False),
                             ("public_download_enabled", False), ("publication_enabled", True),
                             ("description", ""), ("is_deleted", False), ("parent_id", None)):
            s.setdefault(key, default)
        s.setdefault("slug", slugify(s["label"]))
        self.spaces[s["workspace_id"]] = s
        self.members.setdefault(s["workspace_id"], {})

    def put_membership(self, m):
        w, u = m["workspace_id"], m["user_id"]
        if m.get("remove"):
            self.remove_membership(w, u, now_iso())
            return
        m = {k: v for k, v in m.items() if k != "is_active"}
        m.setdefault("email_notification_type", "daily")
        m.setdefault("created", self.spaces[w]["created"])
        self.members.setdefault(w, {})[u] = m
        self.user_spaces.setdefault(u, {})[w] = m
        self.left.pop((w, u), None)

    def remove_membership(self, w, u, when):
        self.members.get(w, {}).pop(u, None)
        self.user_spaces.get(u, {}).pop(w, None)
        self.left[(w, u)] = when

    def put_content(self, content):
        c = dict(content)
        ctype = c["content_type"]
        if ctype == "file" and c.get("filename") and not c.get("file_extension"):
            label, ext = os.path.splitext(c["filename"])
            c["file_extension"] = ext
            c.setdefault("label", label)
        c.pop("filename", None)
        c.setdefault("file_extension", EXTENSIONS.get(ctype, ""))
        for key, default in (("parent_id", None), ("is_archived", False), ("is_deleted", False),
                             ("status", "open"), ("description", ""), ("raw_content", ""),
                             ("content_namespace", "content"), ("label", "")):
            c.setdefault(key, default)
        revisions = [dict(r) for r in c.pop("versions", None) or c.pop("revisions", None) or []]
        if not revisions:
            revisions.append({"created": c["created"]})
            if c.get("modified", c["created"]) != c["created"]:
                revisions.append({"created": c["modified"], "revision_type": "edition"})
        for n, r in enumerate(revisions):
            if "revision_id" not in r:
                self.revision_seq += 1
                r["revision_id"] = 10 ** 8 + self.revision_seq
            r.setdefault("revision_type", "creation" if n == 0 else
                         "revision" if ctype == "file" else "edition")
            r.setdefault("author_id", c.get("author_id"))
            if ctype == "file":
                if "bytes" in r:
                    r["data"] = r.pop("bytes").encode()
                elif "bytes_b64" in r:
                    r["data"] = base64.b64decode(r.pop("bytes_b64"))
                if "data" in r:
                    r["size"] = len(r["data"])
                else:
                    r["filler"] = True
                    r.setdefault("size", 1024)
                r.setdefault("mimetype", MIMETYPES.get(c["file_extension"].lower(),
                                                       "application/octet-stream"))
        c.setdefault("created", revisions[0]["created"])
        c.setdefault("author_id", revisions[0]["author_id"])
        c["revisions"] = revisions
        c.pop("modified", None)  # the last revision's date
        old = self.contents.get(c["content_id"])
        if old:
            self.space_contents[old["workspace_id"]].discard(old["content_id"])
            self.children_of.get(old["parent_id"], set()).discard(old["content_id"])
        self.contents[c["content_id"]] = c
        self.space_contents.setdefault(c["workspace_id"], set()).add(c["content_id"])
        if c["parent_id"]:
            self.children_of.setdefault(c["parent_id"], set()).add(c["content_id"])

    def put_event(self, event):
        e = dict(event)
        if "event_id" not in e:
            e["event_id"] = self.last_event_id() + 1
        e.setdefault("created", now_iso())
        e.setdefault("author_id", None)
        e["read"] = {int(k): v for k, v in (e.get("read") or {}).items()}
        if e["event_id"] not in self.events:
            bisect.insort(self.event_ids, e["event_id"])
        self.events[e["event_id"]] = e
        return e["event_id"]

    def last_event_id(self):
        last = self.event_ids[-1] if self.event_ids else 0
        return max(last, self.bench.E if self.bench else 0)

    def merge(self, data):
        """Adds (or replaces) what data holds; answers the ids of the events added."""
        with self.lock:
            self.about.update(data.get("about") or {})
            for u in data.get("users", []):
                self.put_user(u)
            for s in data.get("spaces", []):
                self.put_space(s)
            for m in data.get("memberships", []):
                self.put_membership(m)
            for c in data.get("contents", []):
                self.put_content(c)
            ids = [self.put_event(e) for e in data.get("events", [])]
            self.changed()
            return ids

    def changed(self):
        self.cache.clear()
        self.generated.clear()

    # reading

    def is_admin(self, uid):
        u = self.users.get(uid)
        return bool(u) and u["profile"] == "administrators"

    def membership(self, w, u):
        return self.members.get(w, {}).get(u)

    def content(self, c):
        if c in self.contents:
            return self.contents[c]
        if self.bench:
            found = self.generated.get(c)
            if found is None:
                found = self.bench.content(c, self)
                if len(self.generated) > 20000:
                    self.generated.clear()
                self.generated[c] = found
            return found
        return None

    def contents_of(self, w):
        ids = set(self.space_contents.get(w, ()))
        if self.bench:
            ids.update(self.bench.content_ids(w))
        found = (self.content(c) for c in ids)
        return [c for c in found if c and c["workspace_id"] == w]

    def children(self, c):
        ids = set(self.children_of.get(c, ()))
        if self.bench and c <= self.bench.C:
            ids.update(self.bench.children(c))
        found = (self.content(i) for i in ids)
        return [x for x in found if x and x["parent_id"] == c]

    def event(self, e):
        if e in self.events:
            return self.events[e]
        return self.bench.event(e, self) if self.bench else None


# --- response shapes, field by field as in examples/ ------------------------------------------

class Shapes:
    """Builds the JSON of every answer; the pieces repeated in every event are cached as text."""

    def __init__(self, world):
        self.world = world

    def digest(self, uid):
        u = self.world.users.get(uid)
        if u is None:
            return None
        return {"user_id": uid, "public_name": u["public_name"], "username": u["username"],
                "has_avatar": True, "has_cover": u["has_cover"], "is_active": u["is_active"]}

    def user(self, uid):
        u = self.world.users[uid]
        out = self.digest(uid)
        out.update(email=u["email"], created=u["created"], is_deleted=u["is_deleted"],
                   timezone=u["timezone"], profile=u["profile"], lang=u["lang"],
                   auth_type=u["auth_type"], allowed_space=u["allowed_space"])
        return out

    def workspace(self, w, members_count=True, description=True):
        s = self.world.spaces[w]
        out = {"workspace_id": w, "slug": s["slug"], "label": s["label"],
               "access_type": s["access_type"], "default_user_role": s["default_user_role"],
               "created": s["created"], "owner": self.digest(s["owner_id"]),
               "sidebar_entries": [{"slug": slug, "label": label, "route": route.format(w),
                                    "fa_icon": icon, "hexcolor": color}
                                   for slug, label, route, icon, color in SIDEBAR
                                   if slug != "publications" or s["publication_enabled"]],
               "is_deleted": s["is_deleted"], "agenda_enabled": s["agenda_enabled"],
               "public_upload_enabled": s["public_upload_enabled"],
               "public_download_enabled": s["public_download_enabled"],
               "parent_id": s["parent_id"], "publication_enabled": s["publication_enabled"]}
        if members_count:
            out["number_of_members"] = len(self.world.members.get(w, {}))
        if description:
            out["description"] = s["description"]
        return out

    def member(self, m):
        return {"user_id": m["user_id"], "workspace_id": m["workspace_id"], "role": m["role"],
                "is_active": self.world.users[m["user_id"]]["is_active"],
                "email_notification_type": m["email_notification_type"],
                "user": self.digest(m["user_id"]),
                "workspace": self.workspace(m["workspace_id"], False, False)}

    def content_digest(self, c, rev=None):
        """ContentDigestSchema, as of revision rev (default: the current one)."""
        rev = rev or c["revisions"][-1]
        last = rev is c["revisions"][-1]
        filename = c["label"] + c["file_extension"]
        return {"content_id": c["content_id"], "content_namespace": c["content_namespace"],
                "current_revision_id": rev["revision_id"],
                "current_revision_type": rev["revision_type"], "slug": slugify(c["label"]),
                "parent_id": c["parent_id"], "workspace_id": c["workspace_id"],
                "label": c["label"], "content_type": c["content_type"],
                "sub_content_types": list(SUB_CONTENT_TYPES), "status": c["status"],
                "is_archived": c["is_archived"] if last else False,
                "is_deleted": c["is_deleted"] if last else False,
                "is_editable": c["status"] == "open" and not (
                    last and (c["is_archived"] or c["is_deleted"])),
                "is_template": False, "show_in_ui": True,
                "file_extension": c["file_extension"], "filename": display_filename(filename),
                "modified": rev["created"], "created": c["created"], "actives_shares": 0,
                "author": self.digest(c["author_id"]),
                "last_modifier": self.digest(rev["author_id"]), "assignee_id": None}

    def content_message(self, c, rev=None):
        """MessageContentSchema (FileContentSchema for files), inside content events."""
        rev = rev or c["revisions"][-1]
        out = self.content_digest(c, rev)
        out.update(description=c["description"], version_number=c["revisions"].index(rev) + 1)
        if c["content_type"] == "file":
            out.update(raw_content=c["raw_content"], mimetype=rev["mimetype"], size=rev["size"])
        return out

    def comment(self, c, raw=True, rev=None):
        rev = rev or c["revisions"][-1]
        parent = self.world.content(c["parent_id"]) or {}
        out = {"content_id": c["content_id"], "content_type": c["content_type"],
               "parent_id": c["parent_id"], "parent_label": parent.get("label"),
               "parent_content_type": parent.get("content_type"),
               "parent_content_namespace": parent.get("content_namespace", "content"),
               "author": self.digest(c["author_id"]),
               "last_modifier": self.digest(rev["author_id"]), "created": c["created"],
               "modified": rev["created"], "description": c["description"]}
        if raw:
            out["raw_content"] = c["raw_content"]
        return out

    def file(self, c):
        return self.content_message(c)

    def revision(self, c, rev):
        """FileRevisionSchema: backend RevisionInContext has no content_namespace,
        current_revision_*, last_modifier nor actives_shares, so they are absent."""
        number = c["revisions"].index(rev) + 1
        last = rev is c["revisions"][-1]
        filename = c["label"] + c["file_extension"]
        return {"content_id": c["content_id"], "revision_id": rev["revision_id"],
                "revision_type": rev["revision_type"], "slug": slugify(c["label"]),
                "parent_id": c["parent_id"], "workspace_id": c["workspace_id"],
                "label": c["label"], "content_type": c["content_type"],
                "sub_content_types": list(SUB_CONTENT_TYPES), "status": c["status"],
                "is_archived": rev["revision_type"] == "archiving" or (
                    last and c["is_archived"]),
                "is_deleted": rev["revision_type"] == "deletion" or (last and c["is_deleted"]),
                "is_editable": c["status"] == "open" and not (
                    last and (c["is_archived"] or c["is_deleted"])),
                "is_template": False, "show_in_ui": True, "file_extension": c["file_extension"],
                "filename": display_filename(filename), "created": rev["created"],
                "modified": rev["created"], "author": self.digest(rev["author_id"]),
                "assignee_id": None, "description": c["description"],
                "raw_content": c["raw_content"], "version_number": number,
                "mimetype": rev.get("mimetype", ""), "size": rev.get("size")}

    # events, as text: fragments cached per user and space

    def cached(self, key, build):
        text = self.world.cache.get(key)
        if text is None:
            text = json.dumps(build())
            self.world.cache[key] = text
        return text

    def event_fields(self, ev):
        world = self.world
        entity, _, subtype = event_parts(ev["event_type"])
        parts = ['"author": ' + self.cached(("digest", ev.get("author_id")),
                                             lambda: self.digest(ev.get("author_id"))),
                 '"client_token": ' + json.dumps(ev.get("client_token"))]
        w = ev.get("workspace_id")
        if entity == "workspace" and w in world.spaces:
            parts.append('"workspace": ' + self.cached(("ws-full", w), lambda: self.workspace(w)))
            return ", ".join(parts)
        if w in world.spaces:
            parts.append('"workspace": ' + self.cached(
                ("ws-event", w), lambda: self.workspace(w, True, False)))
        if entity in ("workspace_member", "user"):
            uid = ev.get("user_id")
            parts.append('"user": ' + self.cached(("digest", uid), lambda: self.digest(uid)))
        if entity == "workspace_member":
            m = world.membership(w, ev.get("user_id"))
            role = ev.get("role") or (m["role"] if m else "reader")
            notif = ev.get("email_notification_type") or (
                m["email_notification_type"] if m else "daily")
            parts.append('"member": ' + json.dumps(
                {"role": role, "email_notification_type": notif}))
        if entity == "content" and ev.get("content_id") is not None:
            c = world.content(ev["content_id"])
            if c is not None:
                rev = self.event_revision(c, ev)
                if c["content_type"] == "comment":
                    body = self.comment(c, raw=False, rev=rev)
                else:
                    body = self.content_message(c, rev)
                parts.append('"content": ' + json.dumps(body))
        return ", ".join(parts)

    @staticmethod
    def event_revision(c, ev):
        wanted = ev.get("revision_id")
        for rev in c["revisions"]:
            if rev["revision_id"] == wanted:
                return rev
        older = [r for r in c["revisions"] if r["created"] <= ev["created"]]
        return older[-1] if older else c["revisions"][0]

    def message(self, ev, read):
        return ('{"event_id": %d, "event_type": %s, "created": "%s", "read": %s, "fields": {%s}}'
                % (ev["event_id"], json.dumps(ev["event_type"]), ev["created"],
                   json.dumps(read), self.event_fields(ev)))


# --- the API ------------------------------------------------------------------------------------

def int_param(params, name, default, minimum=None, message=None):
    text = params.get(name)
    if text is None or text == "":
        return default
    try:
        value = int(text)
    except ValueError:
        raise invalid(name, "Not a valid integer.")
    if minimum is not None and value < minimum:
        raise invalid(name, message)
    return value


def flag_param(params, name, default):
    value = int_param(params, name, default)
    if value not in (0, 1):
        raise invalid(name, "Value must be 0 or 1")
    return bool(value)


def ids_param(params, name):
    text = params.get(name)
    if not text:
        return None
    if not re.fullmatch(r"\d+(,\d+)*", text.strip()):
        raise invalid(name, "String does not match expected pattern.")
    return [int(x) for x in text.strip().split(",")]


def sort_param(params, default):
    sort = params.get("sort") or default
    field, _, order = sort.partition(":")
    if field not in ("label", "modified", "created") or order not in ("asc", "desc"):
        raise invalid("sort", "Invalid enum member %s" % sort)
    return field, order == "asc"


def event_type_filter(params, name):
    text = params.get(name)
    if not text:
        return None
    wanted = []
    for item in text.split(","):
        parts = item.strip().split(".")
        if len(parts) > 3 or parts[0] not in ("content", "workspace", "workspace_member", "user",
                                                 "reaction", "tag", "content_tag", "mention",
                                                 "workspace_subscription", "user_call",
                                                 "user_config"):
            raise invalid(name, 'entity "%s" is not a valid entity type' % parts[0])
        wanted.append(parts + [None] * (3 - len(parts)))
    return wanted


def event_matches(ev, types):
    entity, operation, subtype = event_parts(ev["event_type"])
    for e, o, s in types:
        if e == entity and (o in (None, "*") or o == operation) and (s is None or s == subtype):
            return True
    return False


class Api:
    def __init__(self, world, options):
        self.world, self.options = world, options
        self.shapes = Shapes(world)
        self.pushed = []
        routes = [
            ("GET", r"/api/system/about", self.about),
            ("GET", r"/api/auth/whoami", self.whoami),
            ("GET", r"/api/users", self.users),
            ("POST", r"/api/users", self.create_user),
            ("GET", r"/api/users/(\d+)", self.user),
            ("PUT", r"/api/users/(\d+)/disabled", self.disable_user),
            ("PUT", r"/api/users/(\d+)/enabled", self.enable_user),
            ("GET", r"/api/users/(\d+)/messages", self.messages),
            ("GET", r"/api/users/(\d+)/messages/summary", self.summary),
            ("GET", r"/api/workspaces", self.workspaces),
            ("GET", r"/api/workspaces/([^/]+)", self.workspace),
            ("GET", r"/api/workspaces/([^/]+)/members", self.members),
            ("POST", r"/api/workspaces/([^/]+)/members", self.add_member),
            ("GET", r"/api/workspaces/([^/]+)/members/(\d+)", self.member),
            ("PUT", r"/api/workspaces/([^/]+)/members/(\d+)", self.change_member),
            ("DELETE", r"/api/workspaces/([^/]+)/members/(\d+)", self.remove_member),
            ("GET", r"/api/workspaces/([^/]+)/contents", self.contents),
            ("GET", r"/api/workspaces/([^/]+)/contents/([^/]+)/comments", self.comments),
            ("GET", r"/api/workspaces/([^/]+)/files/([^/]+)", self.file),
            ("GET", r"/api/workspaces/([^/]+)/files/([^/]+)/revisions", self.revisions),
            ("GET", r"/api/workspaces/([^/]+)/files/([^/]+)/raw/([^/]*)", self.raw),
            ("GET", r"/api/workspaces/([^/]+)/files/([^/]+)/revisions/([^/]+)/raw/([^/]*)",
             self.raw_revision),
        ]
        self.routes = [(m, re.compile(p + r"\Z"), f) for m, p, f in routes]

    # plumbing

    def dispatch(self, method, path, params, headers, body):
        """(status, body bytes or (length, chunks)[, content type, extra headers])."""
        for m, pattern, handler in self.routes:
            match = pattern.match(path)
            if match and m == method:
                break
        else:
            # backend: views/base.py not_found_view, before any authentication
            raise ApiError(404, 9999, "%s is not a valid path" % path)
        with self.world.lock:
            me = self.authenticate(headers)
            answer = handler(me, params, body, *[urllib.parse.unquote(g) for g in match.groups()])
        return answer

    def authenticate(self, headers):
        key, login = headers.get("Tracim-Api-Key"), headers.get("Tracim-Api-Login")
        # backend: ApiTokenAuthenticationPolicy; a failure is NotAuthenticated("User not found"),
        # answered 401 with code null (not 4001 as the notes say)
        fail = ApiError(401, None, "User not found")
        if not key or key != self.options.api_key or not login:
            raise fail
        logins = self.world.cache.get("logins")
        if logins is None:  # emails are compared lowercased, usernames exactly
            logins = {("@", u["email"]): uid for uid, u in self.world.users.items() if u["email"]}
            logins.update({("", u["username"]): uid for uid, u in self.world.users.items()
                           if u["username"]})
            self.world.cache["logins"] = logins
        uid = logins.get(("@", login.lower()) if "@" in login else ("", login))
        u = self.world.users.get(uid)
        if u is None or not u["is_active"] or u["is_deleted"]:
            raise fail
        return uid

    @staticmethod
    def json(obj, status=200):
        return status, json.dumps(obj).encode()

    def require_admin(self, me):
        if not self.world.is_admin(me):
            raise ApiError(403, 4002, "InsufficientUserProfile")

    def candidate(self, uid):
        uid = int(uid)
        if uid not in self.world.users:
            raise ApiError(400, 1001, 'User "%d" not found in database' % uid)
        return uid

    def personal(self, me, uid):
        """backend: has_personal_access, the user himself or an administrator; the
        administrator check comes last so a stranger gets 4002 even for an unknown user."""
        if int(uid) == me:
            return me
        self.require_admin(me)
        return self.candidate(uid)

    def space(self, me, w):
        """backend: TracimRequest._get_workspace: shows deleted spaces; a non-administrator
        only finds the spaces he is a member of, else 400 1002."""
        try:
            w = int(w)
        except ValueError:
            raise ApiError(400, 2022, "workspace_id is not a correct integer")
        s = self.world.spaces.get(w)
        if s is None or not (self.world.is_admin(me) or self.world.membership(w, me)):
            raise ApiError(400, 1002, "workspace %d does not exist or not visible for user" % w)
        return w

    def reader(self, me, w):
        """backend: is_reader; an administrator who is not a member gets 403 4003."""
        w = self.space(me, w)
        if role_level(self.world.membership(w, me)) < ROLES["reader"]:
            raise ApiError(403, 4003, "InsufficientUserRoleInWorkspace")
        return w

    def manager(self, me, w):
        """backend: can_modify_workspace, an administrator or the space's manager."""
        w = self.space(me, w)
        if not self.world.is_admin(me) and role_level(
                self.world.membership(w, me)) < ROLES["workspace-manager"]:
            raise ApiError(403, 4003, "InsufficientUserRoleInWorkspace")
        return w

    def space_content(self, me, w, cid, file_only=False):
        w = self.reader(me, w)
        try:
            cid = int(cid)
        except ValueError:
            raise ApiError(400, 2023, "content_id is not a correct integer")
        c = self.world.content(cid)
        if c is None or c["workspace_id"] != w:
            raise ApiError(400, 1003, 'Content "%d" not found in database' % cid)
        if file_only and c["content_type"] != "file":
            raise ApiError(400, 2031, "ContentTypeNotAllowed")
        return c

    def record(self, action, method, path, body, result):
        self.pushed.append({"seq": len(self.pushed) + 1, "action": action, "method": method,
                            "path": path, "body": body, "result": result})

    def add_event(self, event_type, me, **fields):
        fields.update(event_type=event_type, author_id=me, created=now_iso())
        self.world.put_event(fields)
        self.world.changed()

    @staticmethod
    def parse_body(body):
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            raise ApiError(400, 2001, VALIDATION, {"_schema": ["Invalid input type."]})
        if not isinstance(data, dict):
            raise ApiError(400, 2001, VALIDATION, {"_schema": ["Invalid input type."]})
        return data

    # system, users

    def about(self, me, params, body):
        a = self.world.about
        return self.json({"name": a["name"], "version": a["version"],
                          "build_version": a["build_version"], "datetime": now_iso(),
                          "website": a["website"],
                          "database_schema_version": a["database_schema_version"]})

    def whoami(self, me, params, body):
        return self.json(self.shapes.user(me))

    def users(self, me, params, body):
        self.require_admin(me)
        users = [u for u in self.world.users.values() if not u["is_deleted"]]
        users.sort(key=lambda u: (u["public_name"].lower(), u["user_id"]))
        return self.json([self.shapes.user(u["user_id"]) for u in users])

    def user(self, me, params, body, uid):
        return self.json(self.shapes.user(self.personal(me, uid)))

    def create_user(self, me, params, body):
        self.require_admin(me)
        data = self.parse_body(body)
        errors = self.check_user_fields(data)
        if errors:
            raise ApiError(400, 2001, VALIDATION, errors)
        world = self.world
        # backend: UserCreationSchema, email_notification defaults to true
        notify = data.get("email_notification", True)
        if notify and self.options.no_mail_server:
            # backend: NotificationDisabledCantCreateUserWithInvitation, not handled by the
            # view: the global handler answers 500 (the notes say 400)
            raise ApiError(500, 2047, "Can't create user with invitation mail because "
                                      "notification are disabled.")
        email = (data.get("email") or "").strip().lower() or None
        username = data.get("username") or None
        if not email:
            # backend: email.required defaults to True
            raise ApiError(400, 2065, "Email is required to create an user")
        if any(u["email"] == email for u in world.users.values()):
            raise ApiError(400, 2036, "Email given %s already exist, please choose something "
                                      "else" % email)
        if username is not None:
            if not re.fullmatch(r"[A-Za-z0-9_.-]{3,255}", username):
                raise ApiError(400, 2062, "Username '%s' is not correct" % username)
            if any(u["username"] == username for u in world.users.values()):
                raise ApiError(400, 2063, "Username given '%s' already exist, please choose "
                                          "something else" % username)
            if username in ("all", "reader", "contributor", "content-manager", "space-manager"):
                raise ApiError(400, 2066, "'%s' is a reserved username" % username)
        uid = max(world.users) + 1 if world.users else 1
        world.put_user({"user_id": uid, "email": email, "username": username,
                        "public_name": data.get("public_name") or email.split("@")[0],
                        "profile": data.get("profile") or "users",
                        "lang": data.get("lang") or None, "timezone": data.get("timezone") or "",
                        "created": now_iso(), "auth_type": "unknown",
                        "allowed_space": data.get("allowed_space") or 0})
        self.add_event("user.created", me, user_id=uid)
        self.record("create_user", "POST", "/api/users", data,
                    {"user_id": uid, "email_notification": bool(notify),
                     "invitation_sent": bool(notify)})
        return self.json(self.shapes.user(uid))

    @staticmethod
    def check_user_fields(data):
        """backend: UserCreationSchema (marshmallow 2 messages)."""
        errors = {}

        def length(name, low, high):
            v = data.get(name)
            if v is None:
                return
            if not isinstance(v, str):
                errors[name] = ["Not a valid string."]
            elif (low and len(v) < low) or len(v) > high:
                errors[name] = ["Length must be between %d and %d." % (low, high) if low else
                                "Longer than maximum length %d." % high]

        email = data.get("email")
        if email is not None and (not isinstance(email, str) or not re.fullmatch(
                r"[^@\s]+@[^@\s]+", email.strip())):
            errors["email"] = ["Not a valid email address."]
        length("username", 3, 255)
        length("password", 6, 512)
        length("public_name", 3, 255)
        length("lang", 2, 6)
        length("timezone", 0, 32)
        if data.get("profile") is not None and data["profile"] not in PROFILES:
            errors["profile"] = ["Not a valid choice."]
        if "email_notification" in data and not isinstance(data["email_notification"], bool):
            errors["email_notification"] = ["Not a valid boolean."]
        if data.get("allowed_space") is not None and (
                not isinstance(data["allowed_space"], int) or data["allowed_space"] < 0):
            errors["allowed_space"] = ["Value must be positive or 0"]
        if not errors and not data.get("email") and not data.get("username"):
            errors["_schema"] = ["email or username required"]
        return errors

    def set_active(self, me, uid, active):
        self.require_admin(me)
        uid = self.candidate(uid)
        if not active and uid == me:
            raise ApiError(400, 3003, "User %d can't disable himself" % uid)
        self.world.users[uid]["is_active"] = active
        self.add_event("user.modified", me, user_id=uid)
        path = "/api/users/%d/%s" % (uid, "enabled" if active else "disabled")
        self.record("enable_user" if active else "disable_user", "PUT", path, None,
                    {"user_id": uid})
        return 204, b""

    def disable_user(self, me, params, body, uid):
        return self.set_active(me, uid, False)

    def enable_user(self, me, params, body, uid):
        return self.set_active(me, uid, True)

    # spaces and members

    def workspaces(self, me, params, body):
        self.require_admin(me)
        parents = ids_param(params, "parent_ids")
        spaces = [s for s in sorted(self.world.spaces.values(), key=lambda s: s["workspace_id"])
                  if not s["is_deleted"]]
        if parents:
            spaces = [s for s in spaces if s["parent_id"] in parents
                      or (0 in parents and s["parent_id"] is None)]
        return self.json([self.shapes.workspace(s["workspace_id"]) for s in spaces])

    def workspace(self, me, params, body, w):
        return self.json(self.shapes.workspace(self.space(me, w)))

    def members(self, me, params, body, w):
        w = self.space(me, w)
        disabled = flag_param(params, "show_disabled_user", 0)
        found = sorted(self.world.members[w].values(), key=lambda m: m["user_id"])
        return self.json([self.shapes.member(m) for m in found
                          if disabled or self.world.users[m["user_id"]]["is_active"]])

    def member(self, me, params, body, w, uid):
        w = self.space(me, w)
        m = self.world.membership(w, int(uid))
        if m is None:
            raise ApiError(400, 1005, "Role for user %s in workspace %d was not found." % (uid, w))
        return self.json(self.shapes.member(m))

    def role_field(self, data):
        if "role" not in data:
            raise invalid("role", "Missing data for required field.")
        if data["role"] not in ROLES:
            raise invalid("role", "Not a valid choice.")
        return data["role"]

    def add_member(self, me, params, body, w):
        w = self.manager(me, w)
        data = self.parse_body(body)
        role = self.role_field(data)
        world = self.world
        uid, newly = None, False
        if data.get("user_id") is not None:
            if not isinstance(data["user_id"], int):
                raise invalid("user_id", "Not a valid integer.")
            uid = data["user_id"] if data["user_id"] in world.users else None
        elif data.get("user_email"):
            email = data["user_email"].strip().lower()
            uid = next((u["user_id"] for u in world.users.values() if u["email"] == email), None)
        elif data.get("user_username"):
            uid = next((u["user_id"] for u in world.users.values()
                        if u["username"] == data["user_username"]), None)
        if uid is None:
            email = (data.get("user_email") or "").strip().lower()
            # backend: allowed_to_invite_new_user: an email, mail notification on, and a trusted
            # user or administrator inviting
            if (data.get("user_id") is not None or not email or self.options.no_mail_server
                    or PROFILES[world.users[me]["profile"]] < PROFILES["trusted-users"]):
                raise ApiError(400, 1001, "User not found")
            uid = max(world.users) + 1
            world.put_user({"user_id": uid, "email": email, "username": None,
                            "public_name": email.split("@")[0], "profile": "users",
                            "lang": None, "timezone": "", "created": now_iso(),
                            "auth_type": "unknown"})
            self.add_event("user.created", me, user_id=uid)
            newly = True
        u = world.users[uid]
        if u["is_deleted"]:
            raise ApiError(400, 2043, "This user has been deleted. Unable to invite him.")
        if not u["is_active"]:
            raise ApiError(400, 2042, "This user is not activated. Unable to invite him")
        if world.membership(w, uid):
            raise ApiError(400, 3008, "Role already exist for user %d in workspace %d." % (uid, w))
        world.put_membership({"workspace_id": w, "user_id": uid, "role": role,
                              "created": now_iso()})
        self.add_event("workspace_member.created", me, workspace_id=w, user_id=uid, role=role)
        self.record("add_member", "POST", "/api/workspaces/%d/members" % w, data,
                    {"workspace_id": w, "user_id": uid, "role": role, "newly_created": newly})
        out = self.shapes.member(world.membership(w, uid))
        out["newly_created"] = newly
        return self.json(out)

    def last_manager(self, w, uid):
        m = self.world.membership(w, uid)
        return (m is not None and m["role"] == "workspace-manager" and not any(
            o["role"] == "workspace-manager" and o["user_id"] != uid
            for o in self.world.members[w].values()))

    def change_member(self, me, params, body, w, uid):
        w = self.manager(me, w)
        uid = int(uid)
        data = self.parse_body(body)
        role = self.role_field(data)
        m = self.world.membership(w, uid)
        if m is None:
            raise ApiError(400, 1005, "Role for user %d in workspace %d was not found." % (uid, w))
        if self.last_manager(w, uid):
            raise ApiError(400, 3011, "last workspace manager %d can't change their own role in "
                                      "workspace" % uid)
        m["role"] = role
        self.add_event("workspace_member.modified", me, workspace_id=w, user_id=uid, role=role)
        self.record("change_member", "PUT", "/api/workspaces/%d/members/%d" % (w, uid), data,
                    {"workspace_id": w, "user_id": uid, "role": role})
        return self.json(self.shapes.member(m))

    def remove_member(self, me, params, body, w, uid):
        uid = int(uid)
        if uid == me:  # backend: can_leave_workspace, oneself or a manager
            w = self.space(me, w)
        else:
            w = self.manager(me, w)
        m = self.world.membership(w, uid)
        if self.last_manager(w, uid):
            raise ApiError(400, 3011, "last workspace manager %d can't remove their own role in "
                                      "workspace" % uid)
        if m is None:
            raise ApiError(400, 1005, "Role for user %d in workspace %d was not found." % (uid, w))
        when = now_iso()
        self.world.remove_membership(w, uid, when)
        self.add_event("workspace_member.deleted", me, workspace_id=w, user_id=uid,
                       role=m["role"], email_notification_type=m["email_notification_type"])
        self.record("remove_member", "DELETE", "/api/workspaces/%d/members/%d" % (w, uid), None,
                    {"workspace_id": w, "user_id": uid})
        return 204, b""

    # contents

    def contents(self, me, params, body, w):
        w = self.reader(me, w)
        world = self.world
        count = int_param(params, "count", 0, 0, "Value must be positive or 0")
        namespaces = (params.get("namespaces_filter") or "content").split(",")
        if any(n.strip() not in NAMESPACES for n in namespaces):
            raise invalid("namespaces_filter", "Not a valid choice.")
        namespaces = {n.strip() for n in namespaces}
        ctype = params.get("content_type") or "any"
        if ctype not in CONTENT_TYPES:
            raise invalid("content_type", "Not a valid choice.")
        ctype = "html-document" if ctype == "page" else ctype
        parents = ids_param(params, "parent_ids")
        path_to = int_param(params, "complete_path_to_id", None, 1, "Value must be positive")
        archived = flag_param(params, "show_archived", 0)
        deleted = flag_param(params, "show_deleted", 0)
        active = flag_param(params, "show_active", 1)
        label = (params.get("label") or "").strip().lower()
        field, asc = sort_param(params, "label:asc")
        if path_to:
            parents = list(parents or [])
            node = world.content(path_to)
            while node is not None and node["parent_id"]:
                parents.append(node["parent_id"])
                node = world.content(node["parent_id"])
            parents.append(0)
        items = []
        for c in world.contents_of(w):
            if c["content_namespace"] not in namespaces:
                continue
            if ctype != "any" and c["content_type"] != ctype:
                continue
            if not active and not (c["is_deleted"] or c["is_archived"]):
                continue
            if (c["is_deleted"] and not deleted) or (c["is_archived"] and not archived):
                continue
            if parents and not (c["parent_id"] in parents or (
                    0 in parents and c["parent_id"] is None)):
                continue
            if label and label not in c["label"].lower():
                continue
            items.append(c)
        # backend: order by the sort column, then content_id ascending whatever the order
        key = self.content_key(field)
        items.sort(key=functools.cmp_to_key(lambda a, b: compare(key(a), key(b), (asc, True))))
        page, envelope = paginate(items, key, (asc, True), count, params.get("page_token"),
                                  self.content_kinds(field))
        envelope["items"] = [self.shapes.content_digest(c) for c in page]
        return self.json(self.envelope(envelope))

    @staticmethod
    def content_kinds(field):
        return (str, int) if field == "label" else (Stamp, int)

    @staticmethod
    def content_key(field):
        if field == "label":
            return lambda c: [c["label"], c["content_id"]]
        if field == "modified":
            return lambda c: [Stamp(c["revisions"][-1]["created"]), c["content_id"]]
        return lambda c: [Stamp(c["created"]), c["content_id"]]

    @staticmethod
    def envelope(e):
        return {"items": e["items"], "has_next": e["has_next"], "has_previous": e["has_previous"],
                "next_page_token": e["next_page_token"],
                "previous_page_token": e["previous_page_token"], "per_page": e["per_page"]}

    def comments(self, me, params, body, w, cid):
        c = self.space_content(me, w, cid)
        count = int_param(params, "count", 0, 0, "Value must be positive or 0")
        field, asc = sort_param(params, "created:asc")
        found = [x for x in self.world.children(c["content_id"]) if x["content_type"] == "comment"
                 and not x["is_deleted"] and not x["is_archived"]]
        key = self.content_key(field)
        # backend: Content.get_subcontents, then content_id in the same direction
        found.sort(key=functools.cmp_to_key(lambda a, b: compare(key(a), key(b), (asc, asc))))
        if self.options.legacy_comments:
            return self.json([self.shapes.comment(x) for x in found])
        page, envelope = paginate(found, key, (asc, asc), count, params.get("page_token"),
                                  self.content_kinds(field))
        envelope["items"] = [self.shapes.comment(x) for x in page]
        return self.json(self.envelope(envelope))

    def file(self, me, params, body, w, cid):
        return self.json(self.shapes.file(self.space_content(me, w, cid, file_only=True)))

    def revisions(self, me, params, body, w, cid):
        c = self.space_content(me, w, cid, file_only=True)
        count = int_param(params, "count", 0, 0, "Value must be positive or 0")
        field, asc = sort_param(params, "modified:asc")
        revs = list(c["revisions"])
        # backend: Content.get_revisions orders by the revision's date then revision_id
        key = ((lambda r: [c["label"], r["revision_id"]]) if field == "label"
               else (lambda r: [Stamp(r["created"]), r["revision_id"]]))
        revs.sort(key=functools.cmp_to_key(lambda a, b: compare(key(a), key(b), (asc, asc))))
        page, envelope = paginate(revs, key, (asc, asc), count, params.get("page_token"),
                                  self.content_kinds(field))
        envelope["items"] = [self.shapes.revision(c, r) for r in page]
        return self.json(self.envelope(envelope))

    def raw(self, me, params, body, w, cid, name):
        c = self.space_content(me, w, cid, file_only=True)
        return self.file_answer(c, c["revisions"][-1], name, c["label"] + c["file_extension"],
                                params)

    def raw_revision(self, me, params, body, w, cid, rid, name):
        c = self.space_content(me, w, cid, file_only=True)
        try:
            rid = int(rid)
        except ValueError:
            raise invalid("revision_id", "Not a valid integer.")
        rev = next((r for r in c["revisions"] if r["revision_id"] == rid), None)
        if rev is None:
            raise ApiError(400, 1003, "Revision %d of content %d not found" % (rid, c["content_id"]))
        # backend: the default name is "{file_name}_r{revision_id}{file_extension}"
        default = "%s%s_r%d%s" % (c["label"], c["file_extension"], rid, c["file_extension"])
        return self.file_answer(c, rev, name, default, params)

    def file_answer(self, c, rev, name, default, params):
        download = flag_param(params, "force_download", 0)
        if not name or name == "raw":
            name = default
        mimetype = rev["mimetype"]
        if mimetype == "text/html":  # backend: served as text/plain, for safety
            mimetype = "text/plain"
        quoted = urllib.parse.quote(name, safe="")
        ascii_name = name.encode("ascii", "replace").decode().replace('"', "")
        headers = {"Content-Disposition": '%s; filename="%s"; filename*=UTF-8\'\'%s' % (
            "attachment" if download else "inline", ascii_name, quoted),
            "Last-Modified": http_date(rev["created"])}
        if "data" in rev:
            return 200, rev["data"], mimetype, headers
        chunks = filler_chunks(c["content_id"], rev["revision_id"], rev["size"])
        return 200, (rev["size"], chunks), mimetype, headers

    # messages

    def messages(self, me, params, body, uid):
        uid = self.personal(me, uid)
        count = int_param(params, "count", DEFAULT_MESSAGES_PER_PAGE, 1, "Value must be positive")
        query = self.message_query(params)
        place, backwards = decode_token(params.get("page_token"))
        if unfit_token(place, (int,)):
            raise unfit_token(place, (int,))
        rows = []
        for ev, read in self.feed(uid, query, place[0] if place else None, backwards):
            rows.append((ev, read))
            if len(rows) > count:
                break
        page, envelope = page_envelope(rows, count, backwards, place,
                                       lambda row: [row[0]["event_id"]])
        items = ",".join(self.shapes.message(ev, read) for ev, read in page)
        text = ('{"items": [%s], "has_next": %s, "has_previous": %s, "next_page_token": %s, '
                '"previous_page_token": %s, "per_page": %d}' % (
                    items, json.dumps(envelope["has_next"]), json.dumps(envelope["has_previous"]),
                    json.dumps(envelope["next_page_token"]),
                    json.dumps(envelope["previous_page_token"]), count))
        return 200, text.encode()

    def summary(self, me, params, body, uid):
        uid = self.personal(me, uid)
        query = self.message_query(params)
        query["read_status"] = "all"
        read = unread = 0
        for _, when in self.feed(uid, query, None, False):
            if when is None:
                unread += 1
            else:
                read += 1
        return self.json({"messages_count": read + unread, "read_messages_count": read,
                          "unread_messages_count": unread, "user_id": uid,
                          "user": self.shapes.digest(uid)})

    @staticmethod
    def message_query(params):
        status = params.get("read_status") or "all"
        if status not in ("all", "read", "unread"):
            raise invalid("read_status", "Not a valid choice.")
        return {"workspace_ids": ids_param(params, "workspace_ids"),
                "include_not_sent": flag_param(params, "include_not_sent", 0),
                "read_status": status,
                "include": event_type_filter(params, "include_event_types"),
                "exclude": event_type_filter(params, "exclude_event_types"),
                "authors": set(ids_param(params, "exclude_author_ids") or ()),
                "related": set(ids_param(params, "related_to_content_ids") or ())}

    def feed(self, uid, query, bound, backwards):
        """(event, read date) of uid's messages beyond the bound event id, in paging order."""
        world = self.world
        descending = not backwards
        admin = world.is_admin(uid)
        wanted = set(query["workspace_ids"]) if query["workspace_ids"] else None
        live = {w for w, s in world.spaces.items() if not s["is_deleted"]}
        mine = set(world.user_spaces.get(uid, {})) & live
        if bound is None:
            bound = world.last_event_id() + 1 if descending else 0
        explicit = world.event_ids
        if descending:
            explicit = reversed(explicit[:bisect.bisect_left(explicit, bound)])
        else:
            explicit = iter(explicit[bisect.bisect_right(explicit, bound):])
        if world.bench:
            scope = live if admin else mine
            extra = []
            if not admin:  # the creation of open spaces reaches everybody
                extra = sorted((w for w in live - mine
                                if world.spaces[w]["access_type"] != "confidential"
                                and w <= world.bench.E and (w < bound if descending else w > bound)),
                               reverse=descending)
            if wanted is not None:
                scope = scope & wanted
                extra = [w for w in extra if w in wanted]
            ids = world.bench.event_ids(scope, bound, descending, extra)
            ids = heapq.merge(ids, explicit, reverse=descending)
        else:
            ids = explicit
        for e in ids:
            ev = world.event(e)
            if ev is None:
                continue
            seen = self.receives(ev, uid, admin, wanted)
            if seen is None:
                continue
            sent, read = seen
            if not sent and not query["include_not_sent"]:
                continue
            if query["read_status"] == "read" and read is None:
                continue
            if query["read_status"] == "unread" and read is not None:
                continue
            if query["include"] and not event_matches(ev, query["include"]):
                continue
            if query["exclude"] and event_matches(ev, query["exclude"]):
                continue
            if ev.get("author_id") in query["authors"]:
                continue
            if query["related"] and not (ev.get("content_id") in query["related"] or (
                    ev.get("content_id") is not None and (world.content(ev["content_id"]) or {})
                    .get("parent_id") in query["related"])):
                continue
            yield ev, read

    def receives(self, ev, uid, admin, wanted):
        """None if uid has no message for ev, else (sent, read date)."""
        world = self.world
        w = ev.get("workspace_id")
        if wanted is not None and w not in wanted:
            return None
        entity = ev["event_type"].split(".", 1)[0]
        m = None
        if w is not None:
            space = world.spaces.get(w)
            if space is None or space["is_deleted"]:
                return None
            m = world.membership(w, uid)
        subject = ev.get("user_id") == uid
        if entity == "user":
            if not (subject or admin or (w is None and self.share_space(uid, ev.get("user_id")))):
                return None
        elif m is None:
            if entity == "content" or w is None:
                return None
            if entity == "workspace_member":
                left = world.left.get((w, uid))
                if not (admin or (subject and left and ev["created"] >= left)):
                    return None
            elif entity == "workspace":
                if not admin and space["access_type"] == "confidential":
                    return None
            elif not admin:
                return None
        if m is not None and m["created"] > ev["created"] and not (
                entity != "content" and (admin or subject)):
            return False, m["created"]  # copied history
        if ev["event_id"] in world.events:
            return True, ev["read"].get(uid)
        return True, world.bench.read(ev["event_id"], uid)

    def share_space(self, a, b):
        return bool(set(self.world.user_spaces.get(a, {})) & set(self.world.user_spaces.get(b, {})))


# --- faults, control --------------------------------------------------------------------------

class Faults:
    KEYS = {"method", "path", "query", "times", "delay_seconds", "status", "code", "message",
            "headers", "body", "drop", "bad_json", "missing_field", "unknown_enum", "extra_fields"}

    def __init__(self):
        self.rules, self.lock = [], threading.Lock()

    def add(self, rules):
        if isinstance(rules, dict):
            rules = [rules]
        if not isinstance(rules, list):
            raise ValueError("a rule or a list of rules")
        checked = []
        for rule in rules:
            unknown = set(rule) - self.KEYS
            if unknown:
                raise ValueError("unknown keys %s" % sorted(unknown))
            rule = dict(rule)
            rule["_path"] = re.compile(rule.get("path", ""))
            rule["_query"] = re.compile(rule.get("query", ""))
            rule["left"] = rule.get("times", 1)
            checked.append(rule)
        with self.lock:
            self.rules.extend(checked)

    def clear(self):
        with self.lock:
            self.rules = []

    def listing(self):
        with self.lock:
            return [{k: v for k, v in r.items() if not k.startswith("_")} for r in self.rules]

    def match(self, method, path, query):
        with self.lock:
            for index, rule in enumerate(self.rules):
                if rule["left"] == 0:
                    continue
                if rule.get("method", "*").upper() not in ("*", method):
                    continue
                if not rule["_path"].search(path) or not rule["_query"].search(query):
                    continue
                if rule["left"] > 0:
                    rule["left"] -= 1
                return index, rule
        return None, None


def each_item(doc):
    if isinstance(doc, list):
        return [x for x in doc if isinstance(x, dict)]
    if isinstance(doc, dict) and isinstance(doc.get("items"), list):
        return [x for x in doc["items"] if isinstance(x, dict)]
    return [doc] if isinstance(doc, dict) else []


def reach(item, dotted):
    *path, last = dotted.split(".")
    for name in path:
        item = item.get(name) if isinstance(item, dict) else None
    return (item, last) if isinstance(item, dict) else (None, last)


def alter(body, rule):
    """The answer changed by a fault rule's missing_field, unknown_enum, extra_fields."""
    doc = json.loads(body)
    for item in each_item(doc):
        if rule.get("missing_field"):
            holder, name = reach(item, rule["missing_field"])
            if holder is not None:
                holder.pop(name, None)
        if rule.get("unknown_enum"):
            holder, name = reach(item, rule["unknown_enum"]["field"])
            if holder is not None:
                holder[name] = rule["unknown_enum"]["value"]
        if rule.get("extra_fields"):
            item.update(x_fake_extra="unexpected", x_fake_object={"nested": [1, 2]})
    if rule.get("extra_fields") and isinstance(doc, dict) and "items" in doc:
        doc["x_fake_envelope"] = {"unexpected": True}
    return json.dumps(doc).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm on, the second waits for
    # the client's delayed acknowledgement (40 ms) on every reused connection.
    disable_nagle_algorithm = True
    server_version = "fake-tracim/1"
    sys_version = ""
    timeout = 300  # an idle keep-alive connection frees its thread

    def version_string(self):
        return self.server_version

    def log_message(self, fmt, *args):
        if self.server.options.verbose:
            sys.stderr.write("fake_tracim: %s\n" % (fmt % args))

    def do_GET(self):
        self.serve()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def answer(self, status, body, content_type="application/json", headers=None):
        """body: bytes, or (length, chunks) to stream."""
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status == 204:
            self.send_header("Content-Length", "0")
            self.end_headers()
            return 0
        length, chunks = (len(body), [body]) if isinstance(body, bytes) else body
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(chunk)
        return length

    def serve(self):
        server = self.server
        parts = urllib.parse.urlsplit(self.path)
        path, query = parts.path, parts.query
        params = {k: v[-1] for k, v in urllib.parse.parse_qs(query, keep_blank_values=True).items()}
        body = self.read_body()
        if path.startswith("/__control/"):
            self.control(path, params, body)
            return
        index, rule = server.faults.match(self.command, path, query)
        if rule and rule.get("delay_seconds"):
            time.sleep(float(rule["delay_seconds"]))
        if rule and rule.get("drop"):
            status, payload, content_type, headers = 0, b"", None, {}
        elif rule and rule.get("status"):
            status, payload, content_type, headers = self.fault_answer(rule)
        else:
            status, payload, content_type, headers = self.api_answer(path, params, body)
            if rule and isinstance(payload, bytes) and payload:
                payload = self.spoil(payload, rule)
        # logged before answering: a test reading the log right after its answer must see it
        server.log({"method": self.command, "path": path, "query": query, "params": params,
                    "login": self.headers.get("Tracim-Api-Login"), "status": status,
                    "fault": index, "bytes": len(payload) if isinstance(payload, bytes)
                    else payload[0]})
        if status == 0:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self.answer(status, payload, content_type, headers)

    def api_answer(self, path, params, body):
        try:
            out = self.server.api.dispatch(self.command, path, params, self.headers, body)
        except ApiError as e:
            out = (e.status, json.dumps({"code": e.code, "message": e.message,
                                         "details": e.details}).encode())
        except Exception as e:  # a bug here: say so, as the real server's 500 would
            traceback.print_exc()
            out = (500, json.dumps({"code": None, "message": "%s: %s" % (type(e).__name__, e),
                                    "details": {"error_detail": {}}}).encode())
        return (out[0], out[1], out[2] if len(out) > 2 else "application/json",
                out[3] if len(out) > 3 else {})

    @staticmethod
    def fault_answer(rule):
        if "body" in rule:
            payload, content_type = str(rule["body"]).encode(), "text/html"
        else:
            payload = json.dumps({"code": rule.get("code"),
                                  "message": rule.get("message", "fault injected by the test"),
                                  "details": {}}).encode()
            content_type = "application/json"
        return int(rule["status"]), payload, content_type, rule.get("headers") or {}

    @staticmethod
    def spoil(payload, rule):
        if rule.get("missing_field") or rule.get("unknown_enum") or rule.get("extra_fields"):
            payload = alter(payload, rule)
        mode = rule.get("bad_json")
        if mode == "garbage":
            payload = b"<html><body>Bad Gateway</body></html>" + payload[:20]
        elif mode:
            payload = payload[:max(1, len(payload) // 2)]
        return payload

    def control(self, path, params, body):
        server, method = self.server, self.command
        try:
            data = json.loads(body) if body else None
        except ValueError:
            self.answer(400, json.dumps({"error": "body is not JSON"}).encode())
            return
        name = path[len("/__control/"):].strip("/")
        try:
            if name == "faults" and method == "POST":
                server.faults.add(data)
                out = server.faults.listing()
            elif name == "faults" and method == "DELETE":
                server.faults.clear()
                out = []
            elif name == "faults" and method == "GET":
                out = server.faults.listing()
            elif name == "world" and method == "POST":
                out = {"event_ids": server.api.world.merge(data or {})}
            elif name == "requests" and method == "GET":
                with server.log_lock:
                    out = list(server.requests)
            elif name == "requests" and method == "DELETE":
                with server.log_lock:
                    server.requests.clear()
                out = []
            elif name == "pushed" and method == "GET":
                with server.api.world.lock:
                    out = list(server.api.pushed)
            elif name == "pushed" and method == "DELETE":
                with server.api.world.lock:
                    server.api.pushed.clear()
                out = []
            else:
                self.answer(404, json.dumps({"error": "no such control"}).encode())
                return
        except (ValueError, KeyError, TypeError) as e:
            self.answer(400, json.dumps({"error": "%s: %s" % (type(e).__name__, e)}).encode())
            return
        self.answer(200, json.dumps(out).encode())


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, options, api, faults, tls):
        self.options, self.api, self.faults, self.tls = options, api, faults, tls
        self.requests, self.log_lock, self.seq = [], threading.Lock(), 0
        super().__init__(("127.0.0.1", 0), Handler)

    def get_request(self):
        sock, address = self.socket.accept()
        if self.tls:  # the handshake happens in the request's thread, on first read
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def log(self, entry):
        with self.log_lock:
            self.seq += 1
            entry["seq"] = self.seq
            self.requests.append(entry)
            if len(self.requests) > LOG_LIMIT:
                del self.requests[:LOG_LIMIT // 10]

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (ssl.SSLError, ConnectionError, socket.timeout)):
            return  # a client refusing our certificate, or going away
        super().handle_error(request, client_address)


def main():
    parser = argparse.ArgumentParser(description="A fake Tracim on loopback (see the docstring).")
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--world", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--faults")
    parser.add_argument("--legacy-comments", action="store_true")
    parser.add_argument("--no-mail-server", action="store_true")
    parser.add_argument("--tracim-version")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    with open(options.world) as f:
        data = json.load(f)
    world = World(data)
    if options.legacy_comments:  # comments as a bare list: a server before 4.0 says so
        world.about.update(LEGACY_ABOUT)
    if options.tracim_version:
        world.about["version"] = options.tracim_version
    faults = Faults()
    if options.faults:
        with open(options.faults) as f:
            faults.add(json.load(f))
    tls = None
    if options.tls_cert:
        tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls.load_cert_chain(options.tls_cert, options.tls_key)
    server = Server(options, Api(world, options), faults, tls)
    thread = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    thread.start()
    with open(options.port_file + ".pid", "w") as out:  # to stop this server, and no other
        out.write(str(os.getpid()))
    with open(options.port_file + ".part", "w") as out:
        out.write(str(server.server_address[1]))
    os.rename(options.port_file + ".part", options.port_file)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    stopped.wait()
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
