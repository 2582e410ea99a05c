#!/usr/bin/python3
"""A real SMTP server on loopback for the letter's tests (aiosmtpd, Debian's python3-aiosmtpd).

    smtp_server.py --port-file FILE --dir DIR [--temp-fail ADDR:N]... [--perm-fail ADDR]... [--delay S]
                   [--late-reply ADDR:S]... [--refuse-all REPLY] [--auth-log FILE] [--senders FILE]

Each message is saved as DIR/NNNNN.eml with an X-Envelope-To line first. --temp-fail answers
451 to the first N attempts for that address, --perm-fail answers 550 always, --delay waits
that long before accepting each message (to kill a sender mid-run). --late-reply keeps a
message to ADDR, then waits S seconds before answering the end of its data: a server slower
than the client's timeout, which delivered what the client will never hear of. --refuse-all
answers REPLY to every recipient, as a relay that rejects the sender does. --senders appends
"SENDER RECIPIENTS" for each message accepted to FILE (the envelope, which no header shows). --auth-log offers AUTH
without TLS (and never STARTTLS), accepts any login and writes "AUTH MECHANISM LOGIN" to that
file for each: what a client sent in clear. Its pid goes to FILE.pid; it stops on SIGTERM."""
import argparse
import asyncio
import itertools
import os
import signal
import socket
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

parser = argparse.ArgumentParser()
parser.add_argument("--port-file", required=True)
parser.add_argument("--dir", required=True)
parser.add_argument("--temp-fail", action="append", default=[])
parser.add_argument("--perm-fail", action="append", default=[])
parser.add_argument("--delay", type=float, default=0)
parser.add_argument("--senders", help="append each message's envelope sender and recipients to FILE")
parser.add_argument("--late-reply", action="append", default=[])
parser.add_argument("--refuse-all")
parser.add_argument("--auth-log")
args = parser.parse_args()

os.makedirs(args.dir, exist_ok=True)
temporary = {}
for rule in args.temp_fail:
    address, _, times = rule.rpartition(":")
    temporary[address.lower()] = int(times)
permanent = {a.lower() for a in args.perm_fail}
late = {}
for rule in args.late_reply:
    address, _, seconds = rule.rpartition(":")
    late[address.lower()] = float(seconds)
numbers = itertools.count(1)
lock = threading.Lock()


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        key = address.lower()
        if args.refuse_all:
            return args.refuse_all
        if key in permanent:
            return "550 5.1.1 <%s>: no such mailbox" % address
        with lock:
            if temporary.get(key, 0) > 0:
                temporary[key] -= 1
                return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if args.delay:
            await asyncio.sleep(args.delay)
        with lock:
            n = next(numbers)
        path = os.path.join(args.dir, "%05d.eml" % n)
        with open(path + ".part", "wb") as out:
            out.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            out.write(envelope.original_content)
        os.rename(path + ".part", path)
        if args.senders:
            with lock, open(args.senders, "a") as log:
                log.write("%s %s\n" % (envelope.mail_from, ",".join(envelope.rcpt_tos)))
        wait = max((late.get(a.lower(), 0) for a in envelope.rcpt_tos), default=0)
        if wait:
            await asyncio.sleep(wait)
        return "250 2.0.0 queued as %05d" % n


with socket.socket() as probe:  # a free port
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]


def authenticator(server, session, envelope, mechanism, auth_data):
    with lock, open(args.auth_log, "a") as log:
        log.write("AUTH %s %s\n" % (mechanism, auth_data.login.decode(errors="replace")))
    return AuthResult(success=True)


auth = {"authenticator": authenticator, "auth_require_tls": False} if args.auth_log else {}
controller = Controller(Handler(), hostname="127.0.0.1", port=port, decode_data=False, **auth)
controller.start()
with open(args.port_file + ".pid", "w") as out:  # to stop this server, and no other test's
    out.write(str(os.getpid()))
with open(args.port_file + ".part", "w") as out:
    out.write(str(port))
os.rename(args.port_file + ".part", args.port_file)
stopped = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stopped.set())
stopped.wait()
controller.stop()
