News, comments and talks.

  $ . use-database expeer.db
  $ expeer -q db init
  $ expeer -q members add amina@example.org --name "Amina Ben Salah" --country TN
  $ expeer -q members add jb@example.org --name "Jean-Baptiste Mukendi" --country CD
  $ expeer -q spaces create justice-transitionnelle --label "Justice transitionnelle"
  $ expeer -q spaces create migration --label Migration
  $ expeer -q spaces members add justice-transitionnelle amina@example.org jb@example.org --role contributor
  $ expeer -q spaces members add migration jb@example.org --role contributor

  $ printf '# Rapport annuel\n\nLe **rapport** 2023-2024 est en ligne.\n' > body.md
  $ EXPEER_NOW=2024-09-01T09:00:00Z expeer news post justice-transitionnelle --title "Rapport annuel 2023-2024" --body-file body.md --as amina@example.org
  expeer: posted news 1
  $ echo "Appel à contributions" | expeer news post migration --title "Appel" --body-file - --as jb@example.org --at 2024-08-20T10:00:00Z
  expeer: posted news 2
  $ EXPEER_NOW=2024-09-02T10:00:00Z expeer news comment 1 --body "Merci, très utile." --as jb@example.org
  expeer: added comment 1
  $ expeer news list --format table
  id  posted_at             space                    author                 title                     comments
  1   2024-09-01T09:00:00Z  justice-transitionnelle  Amina Ben Salah        Rapport annuel 2023-2024  1
  2   2024-08-20T10:00:00Z  migration                Jean-Baptiste Mukendi  Appel                     0
  $ expeer news list --space migration --format json | grep -E '"(title|body)"'
      "title": "Appel",
      "body": "Appel \xc3\xa0 contributions\\n", (esc)
  $ expeer news list --since 2024-09-01 --author amina@example.org --format table
  id  posted_at             space                    author           title                     comments
  1   2024-09-01T09:00:00Z  justice-transitionnelle  Amina Ben Salah  Rapport annuel 2023-2024  1

Bad input is refused, all of it at once.

  $ expeer news post nowhere --title $'Two\nlines' --body "" --as nobody@example.org --at 2024-05-01T10:00:00Z
  expeer: error: space 'nowhere': no such space
  expeer: error: author 'nobody@example.org': no such member
  expeer: error: title 'Two\nlines': contains a line break
  expeer: error: body '': must not be empty
  expeer: nothing was written
  [65]
  $ expeer news post migration --title T --body B --as jb@example.org --at yesterday
  expeer: error: --at 'yesterday' is a day, not a time: give a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), now, or a time ago (36h)
  [64]
  $ expeer news post migration --title T --body B --body-file body.md --as jb@example.org
  expeer: error: give --body or --body-file, not both
  [64]
  $ expeer news comment 99 --body "?" --as jb@example.org
  expeer: error: news '99': no such news
  expeer: nothing was written
  [65]
  $ expeer -q spaces archive migration
  $ expeer news post migration --title T --body B --as jb@example.org
  expeer: error: space 'migration': is archived: its content can be read, not changed
  expeer: nothing was written
  [65]
  $ expeer -q members disable jb@example.org
  $ expeer news comment 1 --body "Encore" --as jb@example.org
  expeer: error: 'jb@example.org' may not comment in space 'justice-transitionnelle': the member is disabled
  [77]
  $ expeer -q members enable jb@example.org

An erased author's news stays, as a former member's; with --delete-content it goes.

  $ expeer -q members erase amina@example.org --yes
  $ expeer news list --format table
  id  posted_at             space                    author                 title                     comments
  1   2024-09-01T09:00:00Z  justice-transitionnelle  former member          Rapport annuel 2023-2024  1
  2   2024-08-20T10:00:00Z  migration                Jean-Baptiste Mukendi  Appel                     0
  $ expeer members erase jb@example.org --delete-content
  expeer: would erase member 2 (Jean-Baptiste Mukendi <jb@example.org>): email, name, country, organisation, occupation, language, profile, newsletter consent, external id, 0 consent record(s), and their place in 2 space(s); their 1 news and 1 comment(s) would be deleted
  expeer: nothing was erased: run again with --yes to erase
  $ expeer -q members erase jb@example.org --yes --delete-content
  $ expeer news list --format table
  id  posted_at             space                    author         title                     comments
  1   2024-09-01T09:00:00Z  justice-transitionnelle  former member  Rapport annuel 2023-2024  0
  $ database-bytes | LC_ALL=C grep -c -a -F "Appel"
  0
  [1]

Talks: the monthly webinars, in both languages.

  $ expeer talks add --at 2024-09-26T14:00:00Z --title-fr "Justice au Sahel" --title-en "Justice in the Sahel" \
  >   --speakers "M. Issoufou, C. Dubois" --summary-fr "Un échange" --summary-en "A discussion"
  expeer: added talk 1
  $ expeer talks add --at 2024-06-20T14:00:00Z --title-fr "Détention" --title-en "Detention" --replay https://video.example.org/detention
  expeer: added talk 2
  $ expeer talks add --at 2024-13-01T14:00:00Z --title-fr T --title-en T
  expeer: error: --at '2024-13-01T14:00:00Z' is not a date or time: give a date (2024-05-01), a time with Z or an offset (2024-05-01T10:00:00Z, 2024-05-01T12:00+02:00), today, yesterday, now, or a time ago (36h, 7d, 2w)
  [64]
  $ expeer talks add --at 2024-10-01T14:00:00Z --title-fr "" --replay 'javascript:alert(1)'
  expeer: error: French title '': must not be empty
  expeer: error: replay link 'javascript:alert(1)': must be an https:// address
  expeer: error: English title '': is required
  expeer: nothing was written
  [65]
  $ expeer talks list --format table
  id  starts_at             title_en              speakers
  2   2024-06-20T14:00:00Z  Detention             -
  1   2024-09-26T14:00:00Z  Justice in the Sahel  M. Issoufou, C. Dubois
  $ expeer talks list --upcoming --format csv | cut -d, -f1-4
  id,starts_at,title_fr,title_en
  1,2024-09-26T14:00:00Z,Justice au Sahel,Justice in the Sahel
  $ expeer talks update 1 --replay https://video.example.org/sahel --summary-en ""
  expeer: updated talk 1
  $ expeer talks list --format json | grep -A7 '"id": 1' | grep -E 'replay|summary_en'
      "replay_url": "https://video.example.org/sahel",
      "summary_en": null
  $ expeer talks update 7 --speakers X
  expeer: error: no talk 7
  [67]
