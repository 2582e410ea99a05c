#!/usr/bin/python3
"""Writes the "world" files that fake_tracim.py serves (their format is in its docstring).

    tracim_world.py small [--output FILE]
    tracim_world.py bench --users N --spaces N --contents N --events N [--seed S]
                          [--span-days D] [--max-file-size BYTES] [--output FILE]

small: a hand-made network for transcripts, the same every time:
  users   1 ASF Admin (admin@asf.example, asf-admin, administrator)   2 Amel B. (amel_b)
          3 Youssef K. (disabled, no username)   4 Karim Z. (no email: log in as karim_z)
          5 Salma R. (salma.r)   6 Nadia T. (nadia_t)   7 Old Account (deleted, still a member of 4)
          8 Ops Admin (ops@asf.example, administrator of no space: 403 4003 on contents)
  spaces  4 Tunisia anti-discrimination (confidential)   7 Morocco prisons (on_request)
          9 Open resources (open, no publications, managed by Salma: the admin is not a member)
          11 Sfax hearings (confidential, child of 4; Amel joined it after its first hearing)
          12 Archive 2019 (deleted)
  every role: 1 workspace-manager, 2 contributor, 4 reader, 6 content-manager (contributor first)
  contents: threads whose first comment is their body, with comments (31, 50, 70, 80), a file
  publication with a comment (35), a folder (37) holding files with 2 versions (38 filler bytes,
  39 text bytes), an html document (40), an archived thread (41), a deleted file (42), a file
  whose name needs escaping in page tokens (43 "R&D notes + plan~v2.pdf"), an upload (44),
  a 2 MB file (53), and one event for each of these, ids from 201 in time order.
bench: only the parameters; the server generates the world from them, lazily and
  deterministically (fake_tracim.Bench says how), so 1,000,000 events need no file and little
  memory. The benchmark's figures: 10,000 users, 300 spaces, 100,000 contents, 1,000,000 events.
"""
import argparse
import datetime
import json
import sys

USERS = [
    (1, "admin@asf.example", "ASF Admin", "asf-admin", "administrators", "fr", "Europe/Brussels",
     "2021-03-01T09:00:00Z", True, False),
    (2, "amel@example.org", "Amel B.", "amel_b", "users", "ar", "Africa/Tunis",
     "2022-05-10T14:32:07Z", True, False),
    (3, "youssef@example.org", "Youssef K.", None, "trusted-users", "fr", "Africa/Casablanca",
     "2023-11-02T08:01:44Z", False, False),
    (4, None, "Karim Z.", "karim_z", "users", "fr", "Africa/Tunis",
     "2022-06-01T10:00:00Z", True, False),
    (5, "salma@example.org", "Salma R.", "salma.r", "users", "en", "Africa/Cairo",
     "2022-02-01T09:30:00Z", True, False),
    (6, "nadia@example.org", "Nadia T.", "nadia_t", "users", "fr", "Asia/Beirut",
     "2022-07-15T11:00:00Z", True, False),
    (7, "old@example.org", "Old Account", "old_account", "users", "fr", "Europe/Paris",
     "2021-06-01T08:00:00Z", True, True),
    (8, "ops@asf.example", "Ops Admin", "ops-admin", "administrators", "en", "Europe/Brussels",
     "2023-01-10T08:00:00Z", True, False),
]

SPACES = [
    {"workspace_id": 4, "label": "Tunisia anti-discrimination", "access_type": "confidential",
     "parent_id": None, "created": "2022-01-12T10:00:00Z", "is_deleted": False, "owner_id": 1,
     "description": "<p>Community of practice on discrimination cases</p>"},
    {"workspace_id": 7, "label": "Morocco prisons", "access_type": "on_request",
     "parent_id": None, "created": "2022-03-02T09:00:00Z", "is_deleted": False, "owner_id": 1,
     "description": ""},
    {"workspace_id": 9, "label": "Open resources", "access_type": "open", "parent_id": None,
     "created": "2022-04-05T08:00:00Z", "is_deleted": False, "owner_id": 5,
     "description": "<p>Guides and templates for everyone</p>", "publication_enabled": False,
     "default_user_role": "reader"},
    {"workspace_id": 11, "label": "Sfax hearings", "access_type": "confidential", "parent_id": 4,
     "created": "2023-09-01T08:00:00Z", "is_deleted": False, "owner_id": 1,
     "description": "<p>Follow-up of the Sfax trials</p>"},
    {"workspace_id": 12, "label": "Archive 2019", "access_type": "confidential",
     "parent_id": None, "created": "2019-05-01T08:00:00Z", "is_deleted": True, "owner_id": 1,
     "description": ""},
]

# (space, user, role now, joined, notification, first role if it changed, when it changed)
MEMBERSHIPS = [
    (4, 1, "workspace-manager", "2022-01-12T10:00:00Z", "daily", None, None),
    (4, 7, "reader", "2022-01-20T09:00:00Z", "none", None, None),
    (4, 2, "contributor", "2022-05-11T08:00:00Z", "weekly", None, None),
    (4, 4, "reader", "2022-06-02T09:00:00Z", "daily", None, None),
    (4, 6, "content-manager", "2022-07-16T09:00:00Z", "individual", "contributor",
     "2023-01-02T09:00:00Z"),
    (4, 3, "contributor", "2023-11-03T09:00:00Z", "daily", None, None),
    (7, 1, "workspace-manager", "2022-03-02T09:00:00Z", "daily", None, None),
    (7, 5, "contributor", "2022-03-03T09:00:00Z", "daily", None, None),
    (7, 2, "reader", "2022-05-12T09:00:00Z", "weekly", None, None),
    (9, 5, "workspace-manager", "2022-04-05T08:00:00Z", "daily", None, None),
    (9, 2, "contributor", "2022-05-12T10:00:00Z", "daily", None, None),
    (9, 4, "reader", "2022-06-02T10:00:00Z", "none", None, None),
    (11, 1, "workspace-manager", "2023-09-01T08:00:00Z", "daily", None, None),
    (11, 6, "contributor", "2023-09-01T08:05:00Z", "daily", None, None),
    (11, 2, "contributor", "2024-05-20T09:00:00Z", "weekly", None, None),
    (12, 1, "workspace-manager", "2019-05-01T08:00:00Z", "daily", None, None),
    (12, 5, "contributor", "2019-05-02T08:00:00Z", "daily", None, None),
]


def text(content_id, space, ctype, label, author, created, parent=None, namespace="content",
         raw="", **more):
    c = {"content_id": content_id, "workspace_id": space, "content_namespace": namespace,
         "content_type": ctype, "parent_id": parent, "label": label, "author_id": author,
         "created": created, "is_archived": False, "is_deleted": False, "raw_content": raw}
    c.update(more)
    return c


def comment(content_id, space, parent, author, created, raw, namespace="publication"):
    return text(content_id, space, "comment", "", author, created, parent, namespace, raw)


def version(revision_id, created, author, kind=None, **data):
    v = {"revision_id": revision_id, "created": created, "author_id": author}
    if kind:
        v["revision_type"] = kind
    v.update(data)
    return v


def file(content_id, space, filename, author, versions, parent=None, namespace="content", **more):
    c = {"content_id": content_id, "workspace_id": space, "content_namespace": namespace,
         "content_type": "file", "parent_id": parent, "filename": filename, "author_id": author,
         "created": versions[0]["created"], "is_archived": False, "is_deleted": False,
         "raw_content": "", "versions": versions}
    c.update(more)
    return c


CONTENTS = [
    text(31, 4, "thread", "Hearing report Sfax", 2, "2024-04-01T08:00:00Z",
         namespace="publication", versions=[
             version(101, "2024-04-01T08:00:00Z", 2),
             version(102, "2024-04-02T08:00:00Z", 2, "edition")]),
    comment(32, 4, 31, 2, "2024-04-01T08:00:05Z",
            "<p>The hearing of 28 March was postponed to 2 April; notes below.</p>"),
    comment(33, 4, 31, 1, "2024-04-03T08:00:00Z", "<p>Thanks, shared with the coalition.</p>"),
    file(35, 4, "Annual report 2024.pdf", 1, [
        version(140, "2025-01-15T10:20:00Z", 1, size=482113, mimetype="application/pdf")],
        namespace="publication"),
    comment(36, 4, 35, 6, "2025-01-16T09:00:00Z", "<p>Page 12 has a typo in the table.</p>"),
    text(37, 4, "folder", "Case files", 6, "2022-08-01T09:00:00Z"),
    file(38, 4, "Interview notes.odt", 2, [
        version(150, "2022-09-01T10:00:00Z", 2, size=15230),
        version(151, "2022-09-03T16:45:00Z", 6, size=16784)], parent=37),
    file(39, 4, "Contacts.txt", 2, [
        version(152, "2022-09-05T11:00:00Z", 2, bytes="Lawyers' coordination\nSfax: +216 74 000 000\n"),
        version(153, "2022-10-01T15:30:00Z", 2,
                bytes="Lawyers' coordination\nSfax: +216 74 000 000\nTunis: +216 71 000 000\n")],
        parent=37),
    text(40, 4, "html-document", "Meeting minutes March", 6, "2023-03-20T17:00:00Z",
         raw="<h1>Minutes</h1><p>Present: Amel, Nadia, Karim.</p>",
         description="Monthly coordination meeting"),
    text(41, 4, "thread", "Call for testimonies", 1, "2023-01-10T09:00:00Z",
         namespace="publication", is_archived=True, versions=[
             version(160, "2023-01-10T09:00:00Z", 1),
             version(161, "2023-06-01T09:00:00Z", 1, "archiving")]),
    comment(45, 4, 41, 1, "2023-01-10T09:00:05Z", "<p>Send us your testimonies before June.</p>"),
    file(42, 4, "Old draft.docx", 2, [
        version(162, "2022-11-02T10:00:00Z", 2, size=9000),
        version(163, "2022-12-01T10:00:00Z", 2, "deletion", size=9000)], is_deleted=True),
    file(43, 4, "R&D notes + plan~v2.pdf", 6, [
        version(164, "2024-02-10T14:00:00Z", 6, size=70000)]),
    file(44, 4, "scan_0001.jpg", 1, [
        version(165, "2024-06-01T12:00:00Z", 1, size=250000)], namespace="upload"),
    text(50, 7, "thread", "Visit to Oukacha prison", 5, "2023-02-14T09:00:00Z",
         namespace="publication", versions=[version(170, "2023-02-14T09:00:00Z", 5)]),
    comment(51, 7, 50, 5, "2023-02-14T09:00:05Z",
            "<p>Report of the visit of 13 February: overcrowding in wing B.</p>"),
    comment(52, 7, 50, 2, "2023-02-15T10:00:00Z", "<p>Can we share it with the press?</p>"),
    file(53, 7, "Visit photos.zip", 5, [
        version(171, "2023-02-16T08:00:00Z", 5, size=2100000)]),
    file(60, 9, "Legal aid handbook.pdf", 5, [
        version(180, "2022-04-10T09:00:00Z", 5, size=120000),
        version(181, "2022-09-10T09:00:00Z", 5, size=131072)]),
    text(61, 9, "html-document", "Template: complaint letter", 5, "2022-04-12T09:00:00Z",
         raw="<p>To the Prosecutor of ...</p>"),
    text(70, 11, "thread", "Hearing 12 May: summary", 6, "2024-05-13T18:00:00Z",
         namespace="publication", versions=[version(190, "2024-05-13T18:00:00Z", 6)]),
    comment(71, 11, 70, 6, "2024-05-13T18:00:05Z", "<p>The court heard four witnesses.</p>"),
    comment(72, 11, 70, 1, "2024-05-14T08:00:00Z", "<p>Well done. Next hearing?</p>"),
    comment(73, 11, 70, 2, "2024-05-21T09:00:00Z", "<p>Next hearing on 4 June.</p>"),
    text(80, 12, "thread", "2019 campaign", 5, "2019-06-01T08:00:00Z", namespace="publication",
         versions=[version(195, "2019-06-01T08:00:00Z", 5)]),
    comment(81, 12, 80, 5, "2019-06-01T08:00:05Z", "<p>Campaign plan attached.</p>"),
]


def small():
    users = [{"user_id": u, "email": e, "public_name": n, "username": un, "profile": p,
              "lang": lang, "timezone": tz, "created": cr, "is_active": act, "is_deleted": dl}
             for u, e, n, un, p, lang, tz, cr, act, dl in USERS]
    memberships = [{"workspace_id": w, "user_id": u, "role": role, "created": joined,
                    "email_notification_type": notif, "is_active": True}
                   for w, u, role, joined, notif, _, _ in MEMBERSHIPS]
    owners = {s["workspace_id"]: s["owner_id"] for s in SPACES}
    timeline = []  # (date, order, event without id)
    for s in SPACES:
        timeline.append((s["created"], len(timeline), {
            "event_type": "workspace.created", "created": s["created"],
            "author_id": s["owner_id"], "workspace_id": s["workspace_id"]}))
    for w, u, role, joined, notif, first, changed in MEMBERSHIPS:
        timeline.append((joined, len(timeline), {
            "event_type": "workspace_member.created", "created": joined,
            "author_id": owners[w] if u != owners[w] else u, "workspace_id": w, "user_id": u,
            "role": first or role, "email_notification_type": notif}))
        if first:
            timeline.append((changed, len(timeline), {
                "event_type": "workspace_member.modified", "created": changed,
                "author_id": owners[w], "workspace_id": w, "user_id": u, "role": role,
                "email_notification_type": notif}))
    for c in CONTENTS:
        revisions = c.get("versions") or [{"created": c["created"], "author_id": c["author_id"]}]
        for n, v in enumerate(revisions):
            kind = v.get("revision_type", "creation" if n == 0 else "edition")
            op = {"creation": "created", "deletion": "deleted"}.get(kind, "modified")
            event = {"event_type": "content.%s.%s" % (op, c["content_type"]),
                     "created": v["created"], "author_id": v["author_id"],
                     "workspace_id": c["workspace_id"], "content_id": c["content_id"]}
            if "revision_id" in v:
                event["revision_id"] = v["revision_id"]
            timeline.append((v["created"], len(timeline), event))
    timeline.append(("2024-01-05T10:00:00Z", len(timeline), {
        "event_type": "user.modified", "created": "2024-01-05T10:00:00Z", "author_id": 1,
        "user_id": 3, "workspace_id": None}))
    events = []
    for n, (_, _, event) in enumerate(sorted(timeline, key=lambda t: (t[0], t[1]))):
        event["event_id"] = 201 + n
        # read by the administrator and the two most active members, a day later, until 2024
        if event["created"] < "2024-03-01T00:00:00Z":
            stamp = datetime.datetime.strptime(event["created"], "%Y-%m-%dT%H:%M:%SZ")
            day = (stamp + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            event["read"] = {str(u): day for u in (1, 5, 6)}
        events.append(event)
    return {"about": {"version": "5.0.0", "build_version": "release_2025-04.00",
                      "database_schema_version": "38d2725ca92f"},
            "users": users, "spaces": SPACES, "memberships": memberships, "contents": CONTENTS,
            "events": events}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="kind", required=True)
    s = sub.add_parser("small")
    s.add_argument("--output")
    b = sub.add_parser("bench")
    for name in ("users", "spaces", "contents", "events"):
        b.add_argument("--" + name, type=int, required=True)
    b.add_argument("--seed", type=int, default=1)
    b.add_argument("--span-days", type=int, default=1095)
    b.add_argument("--max-file-size", type=int, default=262144)
    b.add_argument("--output")
    args = parser.parse_args()
    if args.kind == "small":
        world = small()
    else:
        if min(args.users, args.spaces) < 2 or min(args.contents, args.events) < 0:
            parser.error("at least 2 users and 2 spaces")
        world = {"bench": {"seed": args.seed, "users": args.users, "spaces": args.spaces,
                           "contents": args.contents, "events": args.events,
                           "span_days": args.span_days, "max_file_size": args.max_file_size}}
    text = json.dumps(world, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w") as out:
            out.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
