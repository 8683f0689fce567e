# Shenbao — `make` installs what is missing, builds, and renders the bundled samples into out/;
# `make test` runs every test. See README.md.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
SHARED ?= $(abspath ../shared)
BIN := .build/release/shenbao

# Debian packages the build, the fonts and the tests need.
DEB_BUILD := pkg-config libxml2-dev zlib1g-dev libharfbuzz-dev libdeflate-dev fonts-arphic-uming fonts-dejavu-core fontconfig
DEB_TEST := poppler-utils qpdf python3-pip libreoffice-writer-nogui
PY_TEST := python-docx fonttools

.PHONY: all deps test-deps build sample test test-office bench bench-peers install clean

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
	@python3 -c "import docx, fontTools" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check $(PY_TEST)

build: deps
	$(SWIFT) build -c release

sample: build
	@mkdir -p out
	$(BIN) fill templates/examples/申请表模板.docx templates/examples/申请表模板.yaml -o out/申请表-填写.docx
	$(BIN) validate templates/samples/application.yaml templates/samples/opinion.yaml
	$(BIN) render application templates/samples/application.yaml -o out/申请表.pdf --seal templates/examples/公章.png
	$(BIN) render application templates/samples/application.yaml -o out/申请表.docx
	$(BIN) render opinion templates/samples/opinion.yaml -o out/推荐意见表.pdf
	@echo "wrote out/申请表-填写.docx out/申请表.pdf out/申请表.docx out/推荐意见表.pdf"

test: test-deps build
	$(SWIFT) test
	@if [ -d "$(SHARED)/conformance/docxtemplater" ]; then \
	  python3 "$(SHARED)/conformance/docxtemplater/run.py" --bin $(BIN); \
	else echo "skipped the docxtemplater conformance run: $(SHARED) is absent"; fi

# Benchmarks, side by side with the peers named in the issues (pip installs the peers).
bench: build
	@python3 -c "import docxtpl, mailmerge" 2>/dev/null || python3 -m pip install -q --disable-pip-version-check "docxtpl==0.20.*" "docx-mailmerge==0.5.0"
	python3 bench/fill/run.py --bin $(BIN)
	python3 bench/validate/run.py --bin $(BIN)
	bench/render/run.sh
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

clean:
	rm -rf .build out
