The ExPEERience Letter as its readers get it: what `letter new` leaves to write, images,
the greeting, links in the text edition, French typography, dark mode, and the figures.

  $ . use-database expeer.db
  $ . letter-settings
  $ expeer -q db init

The skeleton builds, to be seen, but is not approved while a [[placeholder]] is left; each is
named with its line.

  $ expeer -q letter new 2024-09
  $ expeer -q letter build 2024-09
  $ expeer letter approve 2024-09
  expeer: error: 2024-09.yaml:11 'editorial.fr': '[[L'\xc3\xa9ditorial]]' is still to be written (esc)
  expeer: error: 2024-09.yaml:13 'editorial.en': '[[The editorial]]' is still to be written
  expeer: error: 2024-09.yaml:17 'sections.analyses[1].title.fr': '[[Titre de l'analyse]]' is still to be written
  expeer: error: 2024-09.yaml:18 'sections.analyses[1].title.en': '[[Title of the analysis]]' is still to be written
  expeer: error: 2024-09.yaml:21 'sections.analyses[1].body.fr': '[[Texte de l'analyse.]]' is still to be written
  expeer: error: 2024-09.yaml:23 'sections.analyses[1].body.en': '[[Text of the analysis.]]' is still to be written
  expeer: error: 2024-09.yaml:25 'sections.analyses[1].links[1].url': '[[analysis]]' is still to be written
  expeer: nothing was written
  [65]
  $ grep -n '\[\[' letters/2024-09.yaml
  4:# the database when the letter is built. Replace every [[...]]: an issue that still has one
  11:    [[L'\xc3\xa9ditorial]] (esc)
  13:    [[The editorial]]
  17:        fr: "[[Titre de l'analyse]]"
  18:        en: "[[Title of the analysis]]"
  21:          [[Texte de l'analyse.]]
  23:          [[Text of the analysis.]]
  25:        - url: https://example.org/[[analysis]]

The greeting is the letter's, once: the skeleton's editorial has none of its own.

  $ grep -c -E 'Bonjour|Chères et chers|Dear' letters/2024-09/2024-09.fr.txt letters/2024-09/2024-09.en.txt
  letters/2024-09/2024-09.fr.txt:1
  letters/2024-09/2024-09.en.txt:1

An image is refused wherever the source is checked, at its line, inline, by reference or in
a table: an image from another server would tell it who opens the letter. Raw HTML is left
out, of the text edition too.

  $ cat > letters/2024-09.yaml <<'YAML'
  > subject:
  >   fr: "La Lettre ExPEERience – septembre 2024"
  >   en: "The ExPEERience Letter – September 2024"
  > editorial:
  >   fr: |
  >     La rentrée du réseau ![pixel](https://tracker.example/p.gif)
  >   en: "The network is back.\n\n![pixel][p]\n\n[p]: https://tracker.example/p.gif"
  > sections:
  >   analyses:
  >     - title: {fr: Détention, en: Detention}
  >       body:
  >         fr: |
  >           | a | b |
  >           |---|---|
  >           | 1 | ![t](https://tracker.example/t.gif) |
  >         en: "An analysis. <img src=https://tracker.example/raw.gif>"
  > YAML
  $ expeer letter build 2024-09
  expeer: error: 2024-09.yaml:6 'editorial.fr': has an image from 'https://tracker.example/p.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: error: 2024-09.yaml:7 'editorial.en': has an image from 'https://tracker.example/p.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: error: 2024-09.yaml:15 'sections.analyses[1].body.fr': has an image from 'https://tracker.example/t.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: nothing was written
  [65]
  $ expeer letter approve 2024-09
  expeer: error: 2024-09.yaml:6 'editorial.fr': has an image from 'https://tracker.example/p.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: error: 2024-09.yaml:7 'editorial.en': has an image from 'https://tracker.example/p.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: error: 2024-09.yaml:15 'sections.analyses[1].body.fr': has an image from 'https://tracker.example/t.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: nothing was written
  [65]
  $ expeer letter send 2024-09 --test-to editor@example.org
  expeer: error: 2024-09.yaml:6 'editorial.fr': has an image from 'https://tracker.example/p.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: error: 2024-09.yaml:7 'editorial.en': has an image from 'https://tracker.example/p.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: error: 2024-09.yaml:15 'sections.analyses[1].body.fr': has an image from 'https://tracker.example/t.gif': images are not supported, and one from another server would tell it who opens the letter, and when
  expeer: nothing was written
  [65]
  $ sed -i -e 's/ !\[pixel\](https:\/\/tracker.example\/p.gif)//' -e 's/!\[pixel\]\[p\]//' -e 's/| 1 | !\[t\](https:\/\/tracker.example\/t.gif) |/| 1 | 2 |/' letters/2024-09.yaml
  $ expeer -q letter build 2024-09
  $ grep -c -E '<img|tracker.example' letters/2024-09/*
  letters/2024-09/2024-09.en.eml:0
  letters/2024-09/2024-09.en.html:0
  letters/2024-09/2024-09.en.txt:0
  letters/2024-09/2024-09.fr.eml:0
  letters/2024-09/2024-09.fr.html:0
  letters/2024-09/2024-09.fr.txt:0
  [1]

Links: the HTML has them; the text edition shows "the report [1]" and lists every address at
its end. The French edition has a narrow no-break space before : ; ? ! (replacing a typed
space), but not in addresses, code or times.

  $ cat > letters/2024-09.yaml <<'YAML'
  > subject:
  >   fr: "La Lettre ExPEERience – septembre 2024"
  >   en: "The ExPEERience Letter – September 2024"
  > editorial:
  >   fr: |
  >     Quoi de neuf ? Lisez [le rapport](https://network.example/rapport?annee=2024) : il est
  >     paru à 16:00. Le code `a:b` reste tel quel ; [l'annexe](https://network.example/annexe) aussi!
  >   en: |
  >     What's new? Read [the report](https://network.example/report?year=2024): it came out at
  >     16:00. See also [the annex](https://network.example/annex) and [the report](https://network.example/report?year=2024) again.
  > sections:
  >   analyses:
  >     - title: {fr: "Détention : ce qui change", en: "Detention: what changes"}
  >       body: {fr: "Une analyse.", en: "An analysis."}
  >       links:
  >         - url: https://network.example/detention
  >           label: {fr: "Lire l'analyse", en: "Read the analysis"}
  > YAML
  $ expeer -q letter build 2024-09
  $ sed -n '/^Bonjour/,/^==/p' letters/2024-09/2024-09.fr.txt | sed 's/\xe2\x80\xaf/<NNBSP>/g'
  Bonjour Amina Exemple,
  
  Quoi de neuf<NNBSP>? Lisez le rapport\xc2\xa0[1]<NNBSP>: il est paru \xc3\xa0 16:00. Le code a:b (esc)
  reste tel quel<NNBSP>; l'annexe\xc2\xa0[2] aussi<NNBSP>! (esc)
  
  
  
  == Analyses ==
  $ sed -n '/== Liens ==/,$p' letters/2024-09/2024-09.fr.txt
  == Liens ==
  
  [1] https://network.example/rapport?annee=2024
  [2] https://network.example/annexe
  
  --
  Vous recevez cette lettre en tant que membre du r\xc3\xa9seau qui l'a demand\xc3\xa9e. (esc)
  Se d\xc3\xa9sabonner\xe2\x80\xaf: https://network.example/letter/unsubscribe?token=SAMPLE (esc)
  $ sed -n '/^Dear/,/^==/p' letters/2024-09/2024-09.en.txt
  Dear Amina Example,
  
  What's new? Read the report\xc2\xa0[1]: it came out at 16:00. See also the (esc)
  annex\xc2\xa0[2] and the report\xc2\xa0[1] again. (esc)
  
  
  
  == Analyses ==
  $ sed -n '/== Links ==/,$p' letters/2024-09/2024-09.en.txt
  == Links ==
  
  [1] https://network.example/report?year=2024
  [2] https://network.example/annex
  
  --
  You receive this letter as a member of the network who asked for it.
  Unsubscribe: https://network.example/letter/unsubscribe?token=SAMPLE
  $ grep -o 'Détention[^<]*' letters/2024-09/2024-09.fr.html | sed 's/\xe2\x80\xaf/<NNBSP>/g' | sort -u
  D\xc3\xa9tention<NNBSP>: ce qui change (esc)
  $ grep -c $'\xe2\x80\xaf' letters/2024-09/2024-09.en.*
  letters/2024-09/2024-09.en.eml:0
  letters/2024-09/2024-09.en.html:0
  letters/2024-09/2024-09.en.txt:0
  [1]

Dark mode: links and text keep readable colours where the mail app darkens the page.

  $ grep -c 'prefers-color-scheme: dark' letters/2024-09/2024-09.fr.html
  1
  $ browse() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$PWD/chromium "$@" 2>/dev/null; }
  $ browse --force-dark-mode --screenshot=$PWD/dark.png --window-size=700,900 letters/2024-09/2024-09.en.html > /dev/null
  $ python3 "$TESTS_DATA/../cli/png_colours.py" dark.png '#1d2127' '#8ec5ff' '#2171b5' '#ffffff'
  not white: yes
  #1d2127 present
  #8ec5ff present
  #2171b5 missing
  #ffffff missing
  $ browse --screenshot=$PWD/light.png --window-size=700,900 letters/2024-09/2024-09.en.html > /dev/null
  $ python3 "$TESTS_DATA/../cli/png_colours.py" light.png '#1d2127' '#8ec5ff' '#2171b5' '#ffffff'
  not white: yes
  #1d2127 missing
  #8ec5ff missing
  #2171b5 present
  #ffffff present
