The HTML report, rendered by a real browser (headless Chromium): the page is not blank, and
the bar charts and the world map are drawn in their colours.

  $ . use-database expeer.db && export EXPEER_STATS_YEAR_STARTS=8 EXPEER_STATS_TIME_ZONE=Europe/Brussels
  $ export EXPEER_STATS_SENSITIVE_COUNTRIES=Niger
  $ expeer -q db init
  $ expeer -q demo seed
  $ expeer -q stats report --year 2024 --lang en --format html --out report
  $ page=report/expeer-report-2023-08-01_2024-07-31.en.html

Nothing is fetched: no script, no link to anything outside the page.

  $ grep -c -i -E '<script|<link|@import|url\((https?:)?//|src=' $page
  0
  [1]
  $ wc -c < $page | awk '{ print ($1 < 300000) ? "small enough to email" : "too big" }'
  small enough to email

  $ browse() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir=$PWD/chromium "$@" 2>/dev/null; }
  $ browse --dump-dom $page > dom.html
  $ grep -c '<rect class="bar"' dom.html
  24
  $ grep -o '<svg[^>]*aria-labelledby="[^"]*"' dom.html | grep -o 'aria-labelledby="[^"]*"'
  aria-labelledby="news_per_month-title news_per_month-desc"
  aria-labelledby="files_per_month-title files_per_month-desc"
  aria-labelledby="map-title map-desc"
  $ grep -c '<path class="country"' dom.html
  17[0-9] (re)
  $ grep -o '<title>Niger: [^<]*</title>' dom.html
  <title>Niger: not shown</title>

  $ browse --screenshot=$PWD/page.png --window-size=1000,4200 $page > /dev/null
  $ python3 "$TESTS_DATA/../cli/png_colours.py" page.png '#2171b5' '#bdd7e7' '#6baed6' '#ececec' '#8c8c8c'
  not white: yes
  #2171b5 present
  #bdd7e7 present
  #6baed6 present
  #ececec present
  #8c8c8c present
