`letter bounces` reading returned mail from a real IMAP server on loopback: Debian's Dovecot,
started by the test as root (it runs mail processes as another user), plain IMAP since it is
this machine (anywhere else, TLS is required and its certificate verified).

  $ [ "$(id -u)" = 0 ] && [ -x /usr/sbin/dovecot ] || exit 80
  $ . use-database expeer.db
  $ export EXPEER_LETTER_TOKEN_SECRET=a-secret-for-the-tests-only
  $ export EXPEER_LETTER_BOUNCE_ADDRESS=bounces@network.example
  $ samples="$TESTS_DATA/bounces"
  $ expeer -q db init
  $ { echo "email,name,country,language,newsletter"
  >   echo "amina@example.org,Amina Benali,TN,fr,yes"
  >   echo "bruno@example.net,Bruno Costa,BR,en,yes"
  >   echo "chloe.martin@example.com,Chloé Martin,FR,fr,yes"
  >   echo "dina@example.org,Dina Haddad,LB,en,yes"
  > } > members.csv
  $ expeer -q members import members.csv
  members.csv: 4 rows: 4 created, 0 updated, 0 unchanged, 0 skipped, 0 rejected

The bounces mailbox: Postfix's hard bounce for member 1 and its soft one for member 4, in the
server's own Maildir; its mail processes run as nobody, who must reach it.

  $ mkdir -p imap/run imap/state imap/home/bounces/Maildir/cur imap/home/bounces/Maildir/new imap/home/bounces/Maildir/tmp
  $ cp "$samples/postfix-hard.eml" imap/home/bounces/Maildir/new/1726389061.M1P1.mail
  $ cp "$samples/postfix-soft.eml" imap/home/bounces/Maildir/new/1726389064.M1P4.mail
  $ echo "bounces:{PLAIN}a-password-for-the-tests" > imap/passwd
  $ chmod -R a+rwX imap; chmod a+x "$PWD" "$PWD/.." "$PWD/../.."
  $ port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  $ cat > dovecot.conf <<CONF
  > base_dir = $PWD/imap/run
  > state_dir = $PWD/imap/state
  > log_path = $PWD/imap/dovecot.log
  > protocols = imap
  > listen = 127.0.0.1
  > ssl = no
  > disable_plaintext_auth = no
  > auth_mechanisms = plain
  > first_valid_uid = 1
  > mail_location = maildir:~/Maildir
  > passdb {
  >   driver = passwd-file
  >   args = scheme=PLAIN username_format=%u $PWD/imap/passwd
  > }
  > userdb {
  >   driver = static
  >   args = uid=nobody gid=nogroup home=$PWD/imap/home/%u
  > }
  > service imap-login {
  >   inet_listener imap {
  >     address = 127.0.0.1
  >     port = $port
  >   }
  >   inet_listener imaps {
  >     port = 0
  >   }
  > }
  > CONF
  $ (/usr/sbin/dovecot -F -c dovecot.conf & echo $! > dovecot.pid)
  $ for i in $(seq 1 300); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port)).close()" 2>/dev/null && break; sleep 0.1; done

Read over IMAP: the hard bounce suspends member 1, the soft one is counted for member 4.

  $ EXPEER_LETTER_BOUNCE_PASSWORD=a-password-for-the-tests expeer letter bounces "imap://bounces@127.0.0.1:$port/INBOX"
  message,found,member,matched_by,status,action
  UID 1,hard,1,bounce address,5.1.1,suspended after 1 hard bounce
  UID 2,soft,4,bounce address,4.4.1,counted: 1 of 5 soft bounces
  expeer: read 2 messages: 1 hard, 1 soft; 1 member suspended, 0 unsubscribed
  $ expeer letter recipients 2024-09 --format csv
  language,recipients
  en,2
  fr,1

What a member's data export says of it: what came back, and that the letter is stopped.

  $ expeer members data-export amina@example.org | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["returned_mail"]); print(d["letter_suspended"])'
  [{'read_at': '2024-09-15T08:30:00Z', 'kind': 'hard', 'address': 'amina@example.org', 'status': '5.1.1'}]
  {'address': 'amina@example.org', 'kind': 'hard', 'bounces': 1, 'since': '2024-09-15T08:30:00Z'}

Read again (cron runs it every hour), they count once; a wrong password is named, and not
shown.

  $ EXPEER_LETTER_BOUNCE_PASSWORD=a-password-for-the-tests expeer letter bounces "imap://bounces@127.0.0.1:$port/INBOX"
  message,found,member,matched_by,status,action
  UID 1,read before,,,5.1.1,none
  UID 2,read before,,,4.4.1,none
  expeer: read 2 messages: 2 read before; 0 members suspended, 0 unsubscribed
  $ EXPEER_LETTER_BOUNCE_PASSWORD=not-the-password expeer letter bounces "imap://bounces@127.0.0.1:$port/INBOX"
  expeer: error: 'imap://***@127.0.0.1:*/INBOX' refused the user and letter.bounce_password (glob)
  [77]

  $ kill $(cat dovecot.pid)
