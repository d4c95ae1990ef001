#!/bin/sh
# Seeds fuzz/corpus/TARGET for the importers' fuzz targets from the test
# fixtures and a few hand-made inputs (the corpus itself is not committed).
# Run from the repository's root: sh fuzz/seed.sh
set -e
c=fuzz/corpus
mkdir -p $c/html $c/tmx $c/xliff $c/annotations $c/decode $c/extract
cp tests/fixtures/bilingual/*.tmx $c/tmx/
cp tests/fixtures/bilingual/*.xlf $c/xliff/
printf '%s' '<html><head><title>Report</title><style>p{}</style></head><body><h1>Cases</h1><p>In 2023, <b>1,255</b> workers &amp; 493 women.</p><table><tr><td>96</td><td>46</td></tr></table><pre> 65.5  million</pre><ul><li>ສາມ 3</li></ul></body></html>' > $c/html/page.html
printf '%s' '<div><p>ໃນປີ 2024 ມີ 1.255 ຄົນ<br>US$ 5,810</p><script>1</script><span hidden>2</span></div>' > $c/html/lao.html
# decode: the first byte picks .txt (0), .md (1) or .html (2).
printf '\000%s' 'Officials assisted 1,255 workers, including 493 women.' > $c/decode/txt
printf '\001%s' '# Budget 2024\n\nA budget of 65.5 million kip (ງົບປະມານ 65,5 ລ້ານ).' > $c/decode/md
printf '\002%s' '<p>In 2023 there were 96 cases</p>' > $c/decode/html
printf '\376\377\000A\000 \0001\000,\0002\0005\0005' > $c/decode/utf16
cat tests/fixtures/bilingual/pair-lo.txt > $c/extract/lo.txt
# annotations: the first byte picks spaCy (0), Prodigy (1), Tualek (2),
# Label Studio (3), doccano (4) or brat (5, .ann NUL .txt).
printf '\000%s\n' '{"text":"In 2023, 1,255 workers.","spans":[{"start":9,"end":14,"label":"COUNT"}]}' > $c/annotations/spacy
printf '\001%s\n' '{"text":"96 cases","spans":[{"start":0,"end":2,"label":"count"}],"answer":"accept"}' > $c/annotations/prodigy
printf '\002%s\n' '{"doc":"report","kind":"count","start":0,"end":2,"text":"96"}' > $c/annotations/tualek
printf '\003%s' '[{"data":{"text":"ງົບ 65,5 ລ້ານ"},"annotations":[{"result":[{"value":{"start":4,"end":8,"labels":["money"],"text":"65,5"}}]}]}]' > $c/annotations/labelstudio
printf '\004%s\n' '{"text":"👩 493 women","label":[[3,6,"count"]]}' > $c/annotations/doccano
printf '\005T1\tCount 9 14;15 17\t1,255 wo\n#1\tAnnotatorNotes T1\tvalue=1255\n\000In 2023, 1,255 workers.' > $c/annotations/brat
