#!/usr/bin/python3
"""Turns an expeer database (expeer db init && expeer demo seed) into a world for fake_tracim.py.

    demo_to_tracim.py --db EXPEER.db [--output WORLD.json] [--admin-login admin@platform.example]

The aim: `expeer platform pull` from that world, into a database that already holds the same
member registry (expeer members export, then import), gives the same `expeer stats report` as
the source when stats.active_kinds is news,comment,file (Tracim has no login or view events).
The mapping is the connector's (lib/platform/pull_registry.cpp, pull_space.cpp), read backwards:

  users        one per member not erased: user_id = member id + 1000 (1..999 are reserved),
               email, public_name, profile member/trusted/admin -> users/trusted-users/
               administrators, lang, created = registered_on T09:00:00Z, is_active = active.
               An erased member some activity names is a deleted user without email, so that
               the activity keeps an author (the connector brings no such account in).
               User 1 is the administrator the connector logs in as, a workspace-manager of
               every space so that it reads every space's contents and feed. The pull brings an
               account with an email in as a member, one more than the source has: give
               --admin-login a username (no @) for an account without email, which it skips.
  spaces       one per space, same id, slug, label, access (on-request -> on_request), parent,
               default role, created = created_on T09:00:00Z.
  memberships  the current ones (left_at NULL), created = joined_at; the administrator's.
  activities   one event each, ids in time order, at the activity's exact time and author:
    news       a thread (namespace publication) titled by the activity (or the news row of the
               same space, author and time; else "News N") and its first comment, the body, one
               second later; content.created.thread, and content.created.comment for the body,
               as Tracim writes them: the connector knows that comment for the thread's text.
    comment    a comment (publication) on the news its comments row names, when that thread was
               posted before it; else on the latest earlier thread of the space. Never on a later
               thread: the connector takes a thread's earliest comment for its body. With no
               thread before it, the comment goes to a discussion thread (namespace content)
               made for the space: its content.created.thread event is no news to the connector
               (not a publication), so every count stays exact. content.created.comment.
    file       a file (namespace content) named by the activity (else document-N.pdf), 1000
               bytes, content.created.file; a name the space already has gets a new version
               (revision_type revision) and content.modified.file, which counts as a file too.
    membership workspace_member.created (user_id = the member, role = the membership's or
               contributor).
    login, view, and activities outside spaces: nothing (Tracim records no such events).
Standard library only.
"""
import argparse
import datetime
import html
import json
import sqlite3
import sys

PROFILES = {"member": "users", "trusted": "trusted-users", "admin": "administrators"}
ACCESS = {"open": "open", "on-request": "on_request", "confidential": "confidential"}


def role(expeer_role):
    return "workspace-manager" if expeer_role == "space-manager" else expeer_role


def stamp(date):
    return date + "T09:00:00Z"


def later(at, seconds):
    t = datetime.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def convert(db, admin_login):
    db.row_factory = sqlite3.Row
    q = lambda sql: db.execute(sql).fetchall()
    members = {m["id"]: m for m in q("SELECT * FROM members")}
    spaces = q("SELECT * FROM spaces ORDER BY id")
    activities = q("SELECT * FROM activities WHERE space_id IS NOT NULL "
                   "AND kind IN ('news', 'comment', 'file', 'membership') ORDER BY at, id")
    # News and comments rows, found by (space, author, time), give titles, bodies and threads.
    news_rows, comment_rows = {}, {}
    for n in q("SELECT * FROM news ORDER BY id"):
        news_rows.setdefault((n["space_id"], n["author_id"], n["posted_at"]), []).append(n)
    for c in q("SELECT c.*, n.space_id FROM comments c JOIN news n ON n.id = c.news_id "
               "ORDER BY c.id"):
        comment_rows.setdefault((c["space_id"], c["author_id"], c["posted_at"]), []).append(c)
    roles = {(m["space_id"], m["member_id"]): m["role"]
             for m in q("SELECT * FROM memberships ORDER BY id")}

    uid = lambda member_id: None if member_id is None else member_id + 1000
    authors = {a["member_id"] for a in activities}
    # The platform existed before anything in it: the administrator dates from the first day.
    first_day = min([m["registered_on"] for m in members.values()] +
                    [s["created_on"] for s in spaces])
    email = admin_login if "@" in admin_login else None
    users = [{"user_id": 1, "email": email, "public_name": "Platform administrator",
              "username": None if email else admin_login, "profile": "administrators", "lang": "en",
              "timezone": "Europe/Brussels", "created": stamp(first_day), "is_active": True,
              "is_deleted": False}]
    for m in members.values():
        erased = m["status"] == "erased"
        if erased and m["id"] not in authors:
            continue
        users.append({"user_id": uid(m["id"]), "email": None if erased else m["email"],
                      "public_name": "Former member" if erased else m["display_name"],
                      "username": None, "profile": PROFILES[m["profile"]], "lang": m["language"],
                      "timezone": "Europe/Brussels", "created": stamp(m["registered_on"]),
                      "is_active": m["status"] == "active", "is_deleted": erased})

    world_spaces = [{"workspace_id": s["id"], "slug": s["slug"], "label": s["label"],
                     "description": s["description"] or "", "access_type": ACCESS[s["access"]],
                     "parent_id": s["parent_id"], "default_user_role": role(s["default_role"]),
                     "created": stamp(s["created_on"]), "is_deleted": False, "owner_id": 1}
                    for s in spaces]
    memberships = [{"workspace_id": s["id"], "user_id": 1, "role": "workspace-manager",
                    "created": stamp(s["created_on"])} for s in spaces]
    memberships += [{"workspace_id": m["space_id"], "user_id": uid(m["member_id"]),
                     "role": role(m["role"]), "created": m["joined_at"]}
                    for m in q("SELECT * FROM memberships WHERE left_at IS NULL ORDER BY id")
                    if members[m["member_id"]]["status"] != "erased"]

    contents, events = [], []
    threads = {}      # space -> [(created, content id)] of its publications, in time order
    by_news = {}      # news row id -> (created, content id of its thread)
    discussion = {}   # space -> content id of the discussion thread made for early comments
    files = {}        # (space, filename) -> file content

    def add(content, event_type, at, author, space, **more):
        content.update(content_id=len(contents) + 1, workspace_id=space, author_id=author,
                       created=content.get("created", at), is_archived=False, is_deleted=False)
        content.setdefault("parent_id", None)
        content.setdefault("raw_content", "")
        contents.append(content)
        if event_type:
            events.append(dict(event_id=len(events) + 1, event_type=event_type, created=at,
                               author_id=author, workspace_id=space,
                               content_id=content["content_id"], **more))
        return content["content_id"]

    for a in activities:
        at, space, author, kind = a["at"], a["space_id"], uid(a["member_id"]), a["kind"]
        if kind == "news":
            rows = news_rows.get((space, a["member_id"], at))
            row = rows.pop(0) if rows else None
            label = a["content"] or (row["title"] if row else "News %d" % a["id"])
            thread = add({"content_namespace": "publication", "content_type": "thread",
                          "label": label}, "content.created.thread", at, author, space)
            threads.setdefault(space, []).append((at, thread))
            if row:
                by_news[row["id"]] = (at, thread)
            body = "<p>%s</p>" % html.escape(row["body"] if row else label)
            add({"content_namespace": "publication", "content_type": "comment", "label": "",
                 "parent_id": thread, "raw_content": body, "created": later(at, 1)},
                "content.created.comment", later(at, 1), author, space)
        elif kind == "comment":
            rows = comment_rows.get((space, a["member_id"], at))
            row = rows.pop(0) if rows else None
            parent = by_news.get(row["news_id"]) if row else None
            # Strictly before: the thread's body (a second after it) must stay its first comment.
            if not parent or parent[0] >= at:
                earlier = [t for t in threads.get(space, []) if t[0] < at]
                parent = earlier[-1] if earlier else None
            namespace = "publication"
            if parent:
                parent = parent[1]
            else:
                namespace = "content"
                if space not in discussion:
                    discussion[space] = add({"content_namespace": "content",
                                             "content_type": "thread", "label": "Discussion"},
                                            "content.created.thread", at, author, space)
                parent = discussion[space]
            body = "<p>%s</p>" % html.escape(row["body"] if row else "")
            add({"content_namespace": namespace, "content_type": "comment", "label": "",
                 "parent_id": parent, "raw_content": body}, "content.created.comment",
                at, author, space)
        elif kind == "file":
            name = a["content"] or "document-%d.pdf" % a["id"]
            # One revision per event, numbered as the event about to be added.
            version = {"revision_id": len(events) + 1, "created": at, "author_id": author,
                       "size": 1000}
            same = files.get((space, name))
            if same:
                version["revision_type"] = "revision"
                same["versions"].append(version)
                events.append({"event_id": len(events) + 1, "event_type": "content.modified.file",
                               "created": at, "author_id": author, "workspace_id": space,
                               "content_id": same["content_id"],
                               "revision_id": version["revision_id"]})
            else:
                version["revision_type"] = "creation"
                content = {"content_namespace": "content", "content_type": "file",
                           "filename": name, "versions": [version]}
                add(content, "content.created.file", at, author, space,
                    revision_id=version["revision_id"])
                files[(space, name)] = content
        else:  # membership
            events.append({"event_id": len(events) + 1, "event_type": "workspace_member.created",
                           "created": at, "author_id": author, "workspace_id": space,
                           "user_id": author,
                           "role": role(roles.get((space, a["member_id"]), "contributor"))})
    return {"users": users, "spaces": world_spaces, "memberships": memberships,
            "contents": contents, "events": events}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="the expeer database to read")
    parser.add_argument("--output", help="the world file (default: standard output)")
    parser.add_argument("--admin-login", default="admin@platform.example",
                        help="the administrator's email (with an @: the pull then brings it in "
                             "as a member) or username (no email: the pull skips the account)")
    args = parser.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % args.db, uri=True)
    world = convert(db, args.admin_login)
    text = json.dumps(world, indent=1, ensure_ascii=False) + "\n"
    if args.output:
        with open(args.output, "w") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    print("demo_to_tracim: %d users, %d spaces, %d memberships, %d contents, %d events" % tuple(
        len(world[k]) for k in ("users", "spaces", "memberships", "contents", "events")),
        file=sys.stderr)


if __name__ == "__main__":
    main()
