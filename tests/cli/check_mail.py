#!/usr/bin/python3
"""Reads the messages the test SMTP server saved and checks them with Python's email package.

    check_mail.py DIR [--forbid TEXT]...

Prints one line per recipient (address, language, decoded To name, subject), then what is
wrong with any message: a missing part, a long or bare-LF line, missing unsubscribe headers,
a duplicate recipient, a forbidden text, a greeting that does not isolate their name."""
import argparse
import email
import email.policy
import glob
import re
import sys
from html import unescape

parser = argparse.ArgumentParser()
parser.add_argument("dir")
parser.add_argument("--forbid", action="append", default=[])
parser.add_argument("--quiet", action="store_true", help="print the problems only")
args = parser.parse_args()

problems, seen = [], {}
for path in sorted(glob.glob(args.dir + "/*.eml")):
    raw = open(path, "rb").read()
    envelope, _, content = raw.partition(b"\r\n")
    to = envelope.decode().split(": ", 1)[1]
    # Body lines within 78 characters (RFC 5322's "should"); a header line may only pass that
    # where one address cannot be folded (the unsubscribe link with its token), never 998.
    headers, _, body = content.partition(b"\r\n\r\n")
    for line in body.split(b"\r\n"):
        if len(line) > 78:
            problems.append("%s: a line of %d characters" % (to, len(line)))
            break
    for line in headers.split(b"\r\n"):
        # Foldable: a space inside a continuation line, or after the one that follows the name.
        foldable = line.strip().count(b" ") > (0 if line[:1] in (b" ", b"\t") else 1)
        if len(line) > 998 or (len(line) > 78 and foldable):
            problems.append("%s: a header line of %d characters that could be folded" % (to, len(line)))
            break
    if b"\n" in content.replace(b"\r\n", b""):
        problems.append("%s: a bare line feed" % to)
    message = email.message_from_bytes(content, policy=email.policy.default)
    seen[to] = seen.get(to, 0) + 1
    if seen[to] == 2:
        problems.append("%s: received twice" % to)
    if message.get_content_type() != "multipart/alternative":
        problems.append("%s: not multipart/alternative" % to)
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    if text is None or html is None:
        problems.append("%s: a part is missing" % to)
        continue
    for part in (text, html):
        if part["Content-Transfer-Encoding"] != "quoted-printable" or part.get_content_charset() != "utf-8":
            problems.append("%s: a part is not UTF-8 quoted-printable" % to)
    unsubscribe = message["List-Unsubscribe"] or ""
    mailto = re.search(r"<mailto:[^>?]*\?subject=unsubscribe%20([A-Za-z0-9_-]+)>", unsubscribe)
    https = re.search(r"<https://[^>]*[?&]token=([A-Za-z0-9_-]+)>", unsubscribe)
    if not mailto or not https or mailto.group(1) != https.group(1):
        problems.append("%s: List-Unsubscribe lacks mailto or https with the same token" % to)
    if message["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click":
        problems.append("%s: no List-Unsubscribe-Post" % to)
    for header in ("Date", "Message-ID", "List-Id"):
        if not message[header]:
            problems.append("%s: no %s" % (to, header))
    body = text.get_content() + html.get_content()
    if "<img" in html.get_content():
        problems.append("%s: an image (a tracking pixel?)" % to)
    for forbidden in args.forbid:
        if forbidden in body or forbidden in str(message["Subject"]):
            problems.append("%s: contains %r" % (to, forbidden))
    name = message["To"].addresses[0].display_name
    greeted = re.search(r"<bdi>(.*?)</bdi>", html.get_content())
    if not greeted or unescape(greeted.group(1)) != name:
        problems.append("%s: the greeting does not name them in an isolated <bdi>" % to)
    if not args.quiet:
        print(to, message["Content-Language"], name, "|", message["Subject"])
for problem in problems:
    print("PROBLEM:", problem)
print("%d messages, %d recipients, %d problems" % (sum(seen.values()), len(seen), len(problems)))
