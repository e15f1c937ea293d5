# qabot: build, test, benchmark and evaluate. Needs GNU make and Go only.
#
# `make help` lists the targets: each has a "## what it does" comment on
# its rule line, which is where a new target documents itself too.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

GO          ?= go
GOFMT       ?= $(shell $(GO) env GOROOT)/bin/gofmt
BIN         := bin/qabot
IMAGE       ?= qabot:dev
ARGS        ?=
BENCH       ?= .
BENCH_COUNT ?= 6
# The race detector needs cgo, so a C compiler: with a working one (go env
# CGO_ENABLED says 1 and CC is on the PATH) make test runs -race; without,
# it runs the same tests with CGO_ENABLED=0 and says so on one line.
CGO_OK      = $(shell [ "$$($(GO) env CGO_ENABLED 2>/dev/null)" = 1 ] && command -v "$$($(GO) env CC 2>/dev/null)" >/dev/null 2>&1 && echo 1)
# The pure libraries: they must never depend on the Discord adapter.
LIBS        := ./qa ./corpus ./lang ./command ./summary

# Evaluation thresholds, in percent, as qabot eval reads them: "70" for the
# overall figure, "en=70,fr=50" per language, or "60,en=70". Each sits a few
# points under what make eval reaches, so that a change that makes answers
# worse fails the build; raise them as the engine improves. Held-out sets are
# small (18-32 questions a language), so they are checked overall only.
# (Lowered for sentence@1 and raised for abstention when the engine began
# declining below a calibrated probability: qa/data/ranker.json, make train.)
SEED_MIN_SENTENCE ?= 68,de=72,en=61,es=82,fr=69,hu=58,it=73,nb=66,pt=73,ru=56,sv=69
SEED_MIN_ANSWER ?= 50
SEED_MIN_ABSTAIN ?= 66
SEED_HELDOUT_MIN_SENTENCE ?= 62
SEED_HELDOUT_MIN_ANSWER ?= 42
SEED_HELDOUT_MIN_ABSTAIN ?= 53
ARTICLES_MIN_SENTENCE ?= 60
ARTICLES_MIN_ANSWER ?= 50
ARTICLES_MIN_ABSTAIN ?= 44
ARTICLES_HELDOUT_MIN_SENTENCE ?= 75
ARTICLES_HELDOUT_MIN_ANSWER ?= 62
ARTICLES_HELDOUT_MIN_ABSTAIN ?= 45
# The French, German and Russian pages of testdata/langarticles, asked about
# in two other languages each (issue 10's target: 80% sentence@1); floors
# under what they reach, per question language.
LANGART_MIN_SENTENCE ?= 47,de=33,en=39,es=61,fr=63
LANGART_MIN_ANSWER ?= 22
LANGART_MIN_ABSTAIN ?= 75

# Real data (testdata/realdata/README.md): qabot against a Bleve BM25 index
# of the same sentences, in one run, every set and split. Floors hold on the
# fit and dev splits together, per set for sentence@1 and over all sets for
# F1 and for the unanswerable questions declined, a few points under what
# main reached when they were set; the held-out split is printed apart and
# never gates the build. REAL_ARGS adds realeval flags (--sample 20 scores a
# fixed fifth of the articles, --sets xquad a few sets).
REAL_MIN_SENTENCE ?= en.nq-dev-subset=9,en.squad1.0-train.sample=59,en.tydiqa-goldp-train.sample=51,nb.norquad-news-train=49,nb.norquad-wiki-train=55,pt.squad1.1-pt-train.sample=45,ru.tydiqa-goldp-dev=50,sv.swequad-mc-train=54,xquad-dev/en-over-de=41,xquad-dev/en-over-es=57,xquad-dev/en-over-ru=43,xquad-dev/mono-de=51,xquad-dev/mono-es=58,xquad-dev/mono-ru=61,xquad-dev/xling-de=42,xquad-dev/xling-en=65,xquad-dev/xling-es=56,xquad-dev/xling-ru=43
REAL_MIN_F1 ?= 32
REAL_MIN_ABSTAIN ?= 81
REAL_ARGS ?=

# Question sets (testdata/eval/README.md). The old held-out sets
# (*.heldout.jsonl) were used to choose changes: contaminated, they are
# checked like tuning sets and only labelled apart.
SEED_TUNE        := $(filter-out %.heldout.jsonl,$(wildcard testdata/eval/seed/*.jsonl))
SEED_HELDOUT     := $(wildcard testdata/eval/seed/*.heldout.jsonl)
# The fresh held-out set (testdata/eval/README.md): nobody looks at it,
# nothing is chosen by it; printed apart, never checked.
SEED_FRESH       := $(wildcard testdata/eval/heldout/seed/*.jsonl)
ARTICLES_TUNE    := $(filter-out %.heldout.jsonl,$(wildcard testdata/eval/articles/*.jsonl))
ARTICLES_HELDOUT := $(wildcard testdata/eval/articles/*.heldout.jsonl)
ARTICLES_CORPUS  := testdata/articles
LANGART_TUNE     := $(wildcard testdata/eval/langarticles/*.jsonl)
LANGART_CORPUS   := testdata/langarticles

# $(call thresholds,PREFIX) expands to the eval flags of a question set.
thresholds = --min-sentence '$($(1)_MIN_SENTENCE)' --min-answer '$($(1)_MIN_ANSWER)' --min-abstain '$($(1)_MIN_ABSTAIN)'

.PHONY: help build run test check-deps bench eval eval-real train train-check train-spans report report-eval report-eval-langs report-real report-curve report-dialogues report-bleve report-conversations report-bench report-perf report-scopes report-binary fmt lint docker clean

help: ## list the targets
	@echo "Usage: make [target] [VAR=value]"
	@echo
	@awk -F ':[^#]*## ' '/^[a-zA-Z0-9_.-]+:[^=]*## / {printf "  %-21s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# LDFLAGS strips the DWARF tables as the Docker image does (stack traces
# keep their names); LDFLAGS= builds with them for a debugger.
LDFLAGS ?= -s -w

build: ## write bin/qabot (static, no cgo, stripped as shipped; LDFLAGS= keeps debug info)
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) .

run: ## chat about the embedded article (ARGS="ask 'question'" for a command)
	@$(GO) run . $(ARGS)

test: check-deps ## dependency check, gofmt, go vet, go test (-race when a C compiler is there)
	@unformatted="$$($(GOFMT) -l .)"; if [ -n "$$unformatted" ]; then echo "make test: not gofmt-ed (run gofmt -w):"; echo "$$unformatted"; exit 1; fi
	@$(if $(CGO_OK),,echo "make test: no C compiler (or CGO_ENABLED=0), so no race detector: testing with CGO_ENABLED=0")
	$(if $(CGO_OK),,CGO_ENABLED=0 )$(GO) vet ./...
	$(if $(CGO_OK),,CGO_ENABLED=0 )$(GO) test $(if $(CGO_OK),-race) ./...
	@# In full what is too slow under -race: the generated lexicons against
	@# their generator, and the quotes of every real-data article.
	$(if $(CGO_OK),,CGO_ENABLED=0 )$(GO) test -count=1 -run TestCommittedOutput ./lang/internal/genlex
	$(if $(CGO_OK),,CGO_ENABLED=0 )$(GO) test -count=1 -run TestQADataQuotesAreVerbatim ./corpus

# The store tests against a real PostgreSQL server, started for the run
# from Debian's postgresql package (installed with apt-get when missing and
# possible). See .ci/postgres.
.PHONY: test-postgres
test-postgres: ## the store tests against a throw-away PostgreSQL server (installed from Debian when missing)
	.ci/postgres

# Fails when a library depends on discordgo. The output of go list is kept
# first so that grep -q closing the pipe early cannot hide a match.
check-deps: ## fail if a library imports discordgo or the binary Bleve
	@deps="$$($(GO) list -deps $(LIBS))"; \
	if grep -q discordgo <<<"$$deps"; then \
		echo "check-deps: $(LIBS) must not depend on discordgo:"; grep discordgo <<<"$$deps"; exit 1; \
	fi; \
	bin="$$($(GO) list -deps .)"; \
	if grep -q 'blevesearch/bleve/' <<<"$$bin"; then \
		echo "check-deps: Bleve is a test-only baseline and must stay out of the binary"; exit 1; \
	fi

# Run benchstat on bench.txt for medians and spreads.
bench: ## benchmarks, BENCH_COUNT times, into bench.txt (BENCH=regexp), then the scale, start-up, load and many-scopes tables
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count $(BENCH_COUNT) ./... | tee bench.txt
	@echo; $(GO) run ./internal/report perf < bench.txt || true
	@echo; $(GO) run ./internal/report scopes < bench.txt || true

# Every set is scored even when an earlier one fails, so the output always
# shows all figures; the target fails if any set is below its thresholds.
eval: build ## score the question sets; fails below the thresholds above
	@status=0; \
	echo "== seed article: tuning questions"; \
	$(BIN) eval $(call thresholds,SEED) $(SEED_TUNE) || status=1; \
	echo; echo "== seed article: old held-out questions (contaminated: used to choose changes; checked like tuning sets)"; \
	$(BIN) eval $(call thresholds,SEED_HELDOUT) $(SEED_HELDOUT) || status=1; \
	echo; echo "== test articles ($(ARTICLES_CORPUS)): tuning questions"; \
	$(BIN) eval --corpus $(ARTICLES_CORPUS) $(call thresholds,ARTICLES) $(ARTICLES_TUNE) || status=1; \
	echo; echo "== test articles ($(ARTICLES_CORPUS)): old held-out questions (contaminated, as above)"; \
	$(BIN) eval --corpus $(ARTICLES_CORPUS) $(call thresholds,ARTICLES_HELDOUT) $(ARTICLES_HELDOUT) || status=1; \
	echo; echo "== French, German and Russian test articles ($(LANGART_CORPUS)), asked in other languages"; \
	$(BIN) eval --corpus $(LANGART_CORPUS) $(call thresholds,LANGART) $(LANGART_TUNE) || status=1; \
	echo; echo "== seed article: fresh held-out questions (never looked at, never checked)"; \
	$(BIN) eval $(SEED_FRESH) || status=1; \
	echo; $(MAKE) --no-print-directory eval-real || status=1; \
	exit $$status

# qabot and Bleve BM25 on the real data (see REAL_MIN_* above).
eval-real: ## qabot and Bleve BM25 on the real data of testdata/realdata (floors REAL_MIN_*)
	@echo "== real data (testdata/realdata): qabot and Bleve BM25, the same sentences"
	@$(GO) run ./internal/realeval --min-sentence '$(REAL_MIN_SENTENCE)' --min-f1 '$(REAL_MIN_F1)' --min-abstain '$(REAL_MIN_ABSTAIN)' $(REAL_ARGS)

# The learned ranker and its calibrated abstention: fitted on the "fit"
# split of testdata/realdata, variants chosen by cross-validation over fit
# articles, the "dev" split reported; deterministic (internal/train).
# COST=3 refits the abstention for another cost of a wrong answer.
train: train-spans ## refit the learned models on the real data: the ranker and its abstention (qa/data/ranker.json), the span model (qa/data/spans.tsv)
	$(GO) run ./internal/train $(if $(COST),-cost $(COST))

# Whether the committed models are what make train gives on this tree: an
# engine change that moves a ranking or calibration input leaves the model
# stale until it is refitted, and a stale model's threshold no longer sits
# where the trainer put it; a change to a span feature or to the span
# trainer leaves qa/data/spans.tsv and spans.bin behind the same way.
train-check: ## fail when qa/data/ranker.json or the span model is not what make train gives on this tree (a few minutes)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GO) run ./internal/trainspans -out "$$tmp/spans.tsv" -table "$$tmp/spans.bin" -no-report >/dev/null 2>&1 && \
	if cmp -s "$$tmp/spans.tsv" qa/data/spans.tsv && cmp -s "$$tmp/spans.bin" qa/data/spans.bin; then echo "qa/data/spans.tsv and spans.bin are what make train-spans gives"; \
	else echo "the span model is stale: make train-spans would change it"; diff "$$tmp/spans.tsv" qa/data/spans.tsv | head -20; exit 1; fi && \
	$(GO) run ./internal/train -out "$$tmp/ranker.json" >/dev/null 2>&1 && \
	if cmp -s "$$tmp/ranker.json" qa/data/ranker.json; then echo "qa/data/ranker.json is what make train gives"; \
	else echo "qa/data/ranker.json is stale: make train would change it"; diff "$$tmp/ranker.json" qa/data/ranker.json | head -20; exit 1; fi

# The span model that chooses short answers: fitted on the "fit" split of
# testdata/realdata, its regularisation and the kinds whose rules' facts
# stand chosen on "dev", deterministic (internal/trainspans); it prints the
# dev figures against the rules alone.
train-spans: ## refit the span model that cuts the short answers (qa/data/spans.tsv)
	$(GO) run ./internal/trainspans

# Every table of README.md sits between "<!-- report: COMMAND -->" and
# "<!-- /report -->"; make report runs each COMMAND from the repository root
# and puts what it prints in between (internal/readme). To add a table, add
# such a block to the README with the command that prints it, e.g. a
# report-* target below. CHECK=1 writes nothing and fails if a table would
# change; ONLY=TEXT reruns only the blocks whose command contains TEXT.
report: build ## regenerate every table of the README from the commands that measure it (CHECK=1, ONLY=TEXT)
	$(GO) run ./internal/readme $(if $(CHECK),-check) $(if $(ONLY),-only '$(ONLY)') README.md

report-eval: build ## the README's evaluation table (markdown)
	@echo '| set | questions | sentence@1 | answer | abstain |'
	@echo '| --- | ---: | ---: | ---: | ---: |'
	@$(BIN) eval --row 'seed article, tuning (10 languages)' $(SEED_TUNE)
	@$(BIN) eval --row 'seed article, old held-out (10 languages; contaminated)' $(SEED_HELDOUT)
	@$(BIN) eval --row 'seed article, fresh held-out (10 languages; never looked at)' $(SEED_FRESH)
	@$(BIN) eval --corpus $(ARTICLES_CORPUS) --row 'three test articles as one corpus, tuning (en)' $(ARTICLES_TUNE)
	@$(BIN) eval --corpus $(ARTICLES_CORPUS) --row 'three test articles, old held-out (en; contaminated)' $(ARTICLES_HELDOUT)
	@$(BIN) eval --corpus $(LANGART_CORPUS) --row 'fr, de, ru test articles as one corpus, asked in en, es, fr, de' $(LANGART_TUNE)

report-eval-langs: build ## the seed tuning figures per language (markdown)
	@$(BIN) eval --markdown $(SEED_TUNE)

report-real: ## qabot against Bleve BM25 on the real data, fit+dev and held-out apart (markdown; a few minutes)
	@$(GO) run ./internal/realeval --markdown

report-curve: ## the learned abstention on the dev split per question language: at its threshold, and coverage/precision by threshold (markdown; a few minutes)
	@$(GO) run ./internal/train -curve

report-dialogues: ## the scripted dialogues' figures (markdown)
	@$(GO) run ./internal/report dialogues

report-bleve: ## qabot against a Bleve BM25 baseline on the English sets (markdown)
	@$(GO) run ./internal/report bleve

report-conversations: ## the heap one kept conversation costs (a sentence of the README)
	@$(GO) test ./qa -run '^$$' -bench 'Conversations100k$$' -benchtime 1x | \
		awk '/B\/conv/ { for (i = 1; i < NF; i++) { if ($$(i+1) == "kept") k = $$i; if ($$(i+1) == "B/conv") b = $$i } } \
		END { if (!k) exit 1; printf "A store of conversations stays bounded: it keeps the %d used last, at about %.1f KB of heap each,\nand forgets any idle for 30 minutes (`BenchmarkConversations100k` in `qa`, `make report-conversations`).\n", k, b/1024 }'

# The benchmarks the README quotes, REPORT_COUNT runs each, as medians.
REPORT_COUNT ?= 3
report-bench: ## medians of the README's benchmarks (markdown; a few minutes)
	@{ $(GO) test -run '^$$' -bench '^Benchmark(Ask|AskMultilingual|BleveSearch|New|StartToFirstAnswer|Memory)$$' -benchmem -count $(REPORT_COUNT) ./qa; \
	   $(GO) test -run '^$$' -bench '^BenchmarkDetect$$' -benchmem -count $(REPORT_COUNT) ./lang; \
	   $(GO) test -run '^$$' -bench '^BenchmarkSentences$$' -benchmem -count $(REPORT_COUNT) ./summary; \
	   $(GO) test -run '^$$' -bench '^Benchmark(GatewayLatency|HTTPInteractions)$$' -benchtime 3000x -cpu 2 -count $(REPORT_COUNT) ./bot; \
	} | $(GO) run ./internal/report bench
	@echo; echo "Measured on $$(nproc 2>/dev/null || echo '?') cores, load average $$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) when the run ended ($$(go env GOOS)/$$(go env GOARCH), $$(go env GOVERSION))."

# Corpus sizes (articles) of BenchmarkScale; 10000 adds about 240,000
# sentences (a GB or two of heap with Bleve's index, minutes to build).
SCALE_SIZES ?= 1,100,1000
report-perf: ## qabot against Bleve at each corpus size, start-up, memory, a burst of /ask (markdown; several minutes)
	@{ $(GO) test -run '^$$' -bench '^BenchmarkScale$$' -count $(REPORT_COUNT) ./qa -args -scale.sizes $(SCALE_SIZES); \
	   $(GO) test -run '^$$' -bench '^Benchmark(StartToFirstAnswer|Memory)$$' -count $(REPORT_COUNT) ./qa; \
	   $(GO) test -run '^$$' -bench '^BenchmarkDefaultDetector$$' -count $(REPORT_COUNT) ./lang; \
	   $(GO) test -run '^$$' -bench '^BenchmarkProcess$$' -benchtime 20x -count $(REPORT_COUNT) .; \
	   $(GO) test -run '^$$' -bench '^BenchmarkHTTPAskBurst$$' -benchtime 2x -count $(REPORT_COUNT) ./bot; \
	} | $(GO) run ./internal/report perf
	@echo; echo "Measured on $$(nproc 2>/dev/null || echo '?') cores, load average $$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) when the run ended ($$(go env GOOS)/$$(go env GOARCH), $$(go env GOVERSION))."

# Scopes of BenchmarkScopes, and how many of them get a question (each
# builds an engine: tens of ms of CPU).
SCOPES ?= 10000
SCOPES_ASKED ?= 500
report-scopes: ## heap and CPU of 10,000 small scopes served by one process (markdown; a few minutes)
	@# A process a run: the shared data counts what a process reads once.
	@for i in $$(seq $(REPORT_COUNT)); do \
		$(GO) test -run '^$$' -bench '^BenchmarkScopes$$' -benchtime 1x -count 1 ./library -args -scopes.n $(SCOPES) -scopes.asked $(SCOPES_ASKED); \
	done | $(GO) run ./internal/report scopes
	@echo; echo "Measured on $$(nproc 2>/dev/null || echo '?') cores, load average $$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) when the run ended ($$(go env GOOS)/$$(go env GOARCH), $$(go env GOVERSION))."

report-binary: build ## the size of bin/qabot as shipped, and with debug info
	@CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN).debug . ; \
	size() { stat -c %s "$$1" | awk '{printf "%.1f MB", $$1/1e6}'; }; \
	echo "The binary is $$(size $(BIN)) as \`make build\` and the Docker image build it ($$(size $(BIN).debug) with debug info, \`make build LDFLAGS=\`): \`make report-binary\`."; \
	rm -f $(BIN).debug

fmt: ## gofmt every file
	gofmt -w .

lint: ## fail on unformatted files, go vet
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

# Builds with BuildKit or, with DOCKER_BUILDKIT=0, the legacy builder; then
# asks the image the README's question and prints its size. Without a Docker
# daemon it says so and builds nothing (the Dockerfile's syntax and build
# context are checked by go test: dockerfile_test.go).
docker: ## build the image IMAGE and smoke-test it (needs a Docker daemon)
	@if ! docker info >/dev/null 2>&1; then \
		echo "make docker: skipped: no Docker daemon reachable ('docker info' fails), so no image was built or tested"; exit 0; \
	fi; \
	echo "docker build -t $(IMAGE) ."; docker build -t $(IMAGE) .; \
	echo "docker run --rm $(IMAGE) ask 'when did albania join nato?'"; \
	out="$$(docker run --rm $(IMAGE) ask 'when did albania join nato?')"; \
	printf '%s\n' "$$out"; \
	if ! grep -q 2009 <<<"$$out"; then echo "make docker: FAIL: the image did not answer 2009" >&2; exit 1; fi; \
	docker image inspect --format '{{.Size}}' $(IMAGE) | awk '{printf "make docker: ok: image $(IMAGE) is %.1f MB\n", $$1/1e6}'

clean: ## remove bin, dist and bench.txt
	rm -rf bin dist bench.txt
