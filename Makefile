# Shenbao — `make` installs what is missing, builds, and renders the bundled samples into out/;
# `make test` runs every test. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
SHARED ?= $(abspath ../shared)
BIN := .build/release/shenbao

# Debian packages the build, the fonts and the tests need.
DEB_BUILD := pkg-config libxml2-dev zlib1g-dev libharfbuzz-dev libdeflate-dev libp11-kit-dev fonts-arphic-uming fonts-dejavu-core fonts-noto-cjk fonts-hanazono fonts-babelstone-han fontconfig
DEB_TEST := poppler-utils qpdf mupdf-tools openssl softhsm2 opensc libreoffice-writer-nogui libreoffice-calc-nogui python3-pip chromium chromium-driver wrk
PY_TEST := python-docx fonttools pyhanko pyhanko-cli openpyxl selenium

.PHONY: all deps test-deps build sample test test-web test-office bench bench-peers install clean fuzz fuzz-corpus fuzz-replay

all: build sample

deps:
	@missing=$$(for p in $(DEB_BUILD); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages; run:"; echo "  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi

test-deps: deps
	@missing=$$(for p in $(DEB_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing Debian packages; run:"; echo "  sudo apt-get install -y $$missing"; exit 1; \
	  fi; \
	fi
	@# pyHanko 0.2x shipped its command line; from 0.3x it is pyhanko-cli (the pyhanko.cli module).
	@python3 -c "import docx, fontTools, pyhanko.sign, pyhanko.cli, openpyxl, selenium" >/dev/null 2>&1 || python3 -m pip install -q --disable-pip-version-check $(PY_TEST)

build: deps
	$(SWIFT) build -c release

sample: build
	@mkdir -p out
	$(BIN) fill templates/examples/申请表模板.docx templates/examples/申请表模板.yaml -o out/申请表-填写.docx
	$(BIN) validate templates/samples/application.yaml templates/samples/opinion.yaml
	$(BIN) render application templates/samples/application.yaml -o out/申请表.pdf --seal templates/examples/公章.png
	$(BIN) render application templates/samples/application.yaml -o out/申请表.docx
	$(BIN) render opinion templates/samples/opinion.yaml -o out/推荐意见表.pdf
	$(BIN) endorse out/申请表.pdf templates/samples/opinion.yaml -o out/申请表-已推荐.pdf --seal templates/examples/公章.png
	@echo "wrote out/申请表-填写.docx out/申请表.pdf out/申请表.docx out/推荐意见表.pdf out/申请表-已推荐.pdf"

# Tests run on the debug build only: a second, release build of swift-crypto and the rest would
# double CI's time for nothing the tests check.
test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) test-web
	$(MAKE) fuzz-replay
	@if [ -d "$(SHARED)/conformance/docxtemplater" ]; then \
	  python3 "$(SHARED)/conformance/docxtemplater/run.py" --bin .build/debug/shenbao; \
	else echo "skipped the docxtemplater conformance run: $(SHARED) is absent"; fi

# The web application in headless Chromium (Tests/web): /apply filled from a data file, an issue
# shown and cleared, the PDF downloaded and read back; /batch given a GB18030 CSV, every row's
# status shown, the ZIP read back; /endorse endorsing a pack, unsigned and signed (pdfsig);
# screenshots in out/. Every script runs, and any failure fails the target. WEB_BIN=… tests another binary.
test-web:
	@status=0; for page in apply batch endorse drain; do \
	  python3 Tests/web/test_$$page.py --bin $(or $(WEB_BIN),.build/debug/shenbao) || status=1; \
	done; exit $$status

# Benchmarks, side by side with the peers named in the issues (pip installs the peers).
bench: build
	@python3 -c "import docxtpl, mailmerge" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check "docxtpl==0.20.*" "docx-mailmerge==0.5.0"
	python3 bench/fill/run.py --bin $(BIN)
	python3 bench/validate/run.py --bin $(BIN)
	bench/render/run.sh
	bench/sheets/run.sh
	bench/sign/run.sh
	bench/web/run.sh
	SHENBAO_BIN=$(BIN) bench/batch/run.sh
	$(MAKE) bench-peers

# Opt-in: LibreOffice opens every DOCX the samples produce and converts it to PDF (out/office/).
test-office: sample
	@command -v soffice >/dev/null || { echo "LibreOffice is not installed: apt-get install -y libreoffice-writer-nogui"; exit 1; }
	@mkdir -p out/office
	soffice --headless --convert-to pdf --outdir out/office out/申请表-填写.docx out/申请表.docx
	@for f in out/office/*.pdf; do pdftotext "$$f" - | grep -q "上海浦东智慧养老服务有限公司" || { echo "$$f lacks the applicant's name"; exit 1; }; done
	@echo "LibreOffice opened and converted: $$(ls out/office)"

# The render benchmark side by side with typst, reportlab, fpdf2, WeasyPrint and LibreOffice
# (about 5 minutes; pip installs the peers).
bench-peers: build
	@python3 -c "import typst, reportlab, fpdf" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check "typst==0.15.*" "reportlab==5.1.*" "fpdf2==2.8.*"
	-@python3 -c "import weasyprint" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check "weasyprint==70.*"
	python3 bench/render/compare.py --bin $(BIN) --keep out/bench-render

# The binary, and the templates it reads (notices, definitions, layouts) where it looks for them:
# PREFIX/share/shenbao/templates. The font records are built in.
install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/shenbao
	install $(BIN) $(PREFIX)/bin/shenbao
	rm -rf $(PREFIX)/share/shenbao/templates && cp -r templates $(PREFIX)/share/shenbao/templates

# Fuzzing (issue #8): libFuzzer with AddressSanitizer, FUZZ_S seconds per target, one line each.
# The same targets, built normally, replay the corpus in `make test` (fuzz-replay).
FUZZ_S ?= 60
FUZZ_TARGETS := fuzz-template fuzz-data fuzz-zip fuzz-docx fuzz-images fuzz-layout fuzz-pdf fuzz-sheets
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld

# The corpus: the committed seeds and crash inputs (Fuzz/Corpus) plus the repository's own fixtures.
fuzz-corpus:
	@rm -rf out/fuzz/corpus && mkdir -p out/fuzz/crashes
	@for t in $(FUZZ_TARGETS); do mkdir -p out/fuzz/corpus/$$t; \
	  if [ -d Fuzz/Corpus/$$t ]; then cp Fuzz/Corpus/$$t/* out/fuzz/corpus/$$t/ 2>/dev/null || true; fi; done
	@for f in templates/samples/*.yaml templates/notices/*.yaml templates/definitions/*.yaml; do \
	  cp "$$f" "out/fuzz/corpus/fuzz-data/$$(echo $$f | tr / -)"; done
	@cp templates/forms/*.yaml out/fuzz/corpus/fuzz-layout/
	@cp Tests/ShenbaoSheetsTests/Fixtures/*.csv out/fuzz/corpus/fuzz-sheets/
	@if [ -x .build/debug/shenbao ]; then .build/debug/shenbao batch-template -o out/fuzz/corpus/fuzz-sheets/template.xlsx; fi
	@cp templates/examples/申请表模板.docx out/fuzz/corpus/fuzz-zip/
	@cp templates/examples/公章.png docs/*.png out/fuzz/corpus/fuzz-images/
	@if [ -f out/申请表.pdf ]; then cp out/*.pdf out/fuzz/corpus/fuzz-pdf/; fi
	@python3 -c "import zipfile,sys; sys.stdout.buffer.write(zipfile.ZipFile('templates/examples/申请表模板.docx').read('word/document.xml'))" > out/fuzz/corpus/fuzz-docx/example-document.xml

fuzz-replay: fuzz-corpus
	@for t in $(FUZZ_TARGETS); do .build/debug/$$t out/fuzz/corpus/$$t || { echo "$$t crashed on its corpus"; exit 1; }; done

fuzz: fuzz-corpus
	@for t in $(FUZZ_TARGETS); do $(SWIFT) build -c release --scratch-path .build-fuzz --product $$t $(FUZZ_FLAGS) >/dev/null || exit 1; done
	@failed=0; for t in $(FUZZ_TARGETS); do \
	  .build-fuzz/release/$$t -max_total_time=$(FUZZ_S) -print_final_stats=1 -rss_limit_mb=4096 \
	    -artifact_prefix=out/fuzz/crashes/$$t- out/fuzz/corpus/$$t > out/fuzz/$$t.log 2>&1; status=$$?; \
	  execs=$$(grep -o 'stat::number_of_executed_units: *[0-9]*' out/fuzz/$$t.log | grep -o '[0-9]*$$'); \
	  crashes=$$(ls out/fuzz/crashes/$$t-* 2>/dev/null | wc -l); \
	  echo "fuzz $$t: $${execs:-0} execs, $$crashes crashes"; \
	  if [ $$status -ne 0 ] || [ $$crashes -ne 0 ]; then failed=1; tail -30 out/fuzz/$$t.log; fi; \
	done; exit $$failed

clean:
	rm -rf .build .build-fuzz out
