// Package cli is qabot's terminal front end: the chat loop, ask (human and
// JSON), sentences, timeline and eval. It is the only place besides
// main.go that reads the environment, flags, files and the clock; every
// answer goes through the command layer that the Discord bot shares.
//
// Run is the whole program, with its inputs and outputs passed in, so that
// tests drive it exactly as a user would (in the manner of Mat Ryer's
// run(ctx, args, getenv, stdin, stdout, stderr)).
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/qabot/qabot/internal/redact"
	"github.com/qabot/qabot/lang"
)

// Exit codes.
const (
	ExitOK          = 0
	ExitError       = 1   // a real error: unreadable corpus, broken question file, failed thresholds
	ExitUsage       = 2   // bad flags, unknown command or language
	ExitInterrupted = 130 // SIGINT or SIGTERM, as shells report them
)

// Environment variables the CLI reads (documented in .env.example).
const (
	EnvCorpus   = "QABOT_CORPUS"
	EnvLang     = "QABOT_LANG"
	EnvLogLevel = "LOG_LEVEL"
	EnvDictDir  = "QABOT_DICT_DIR"
)

// dotenvFile is read from the working directory when it exists.
const dotenvFile = ".env"

// errInterrupted ends a command when ctx is cancelled by a signal.
var errInterrupted = errors.New("interrupted")

// A usageError is a mistake in how qabot was called; it exits with
// ExitUsage and a hint to read the help.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// Run runs qabot with args (without the program name) and returns the exit
// code. getenv reads the environment, where an empty value counts as
// unset; a .env file in the working directory fills in the variables the
// environment leaves unset. Run returns when the command is done or soon
// after ctx is cancelled. Programs should call RunEnv with os.LookupEnv,
// so that a variable set to empty overrides .env.
func Run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	lookup := func(key string) (string, bool) {
		v := getenv(key)
		return v, v != ""
	}
	return RunEnv(ctx, args, lookup, stdin, stdout, stderr)
}

// RunEnv is Run with the environment read by lookupEnv (os.LookupEnv): a
// variable that is set wins over .env even when it is set to empty, as
// the README promises.
func RunEnv(ctx context.Context, args []string, lookupEnv func(string) (string, bool), stdin io.Reader, stdout, stderr io.Writer) int {
	secrets := &redact.Secrets{}
	getenv, err := withDotenv(dotenvFile, lookupEnv)
	if err != nil {
		fmt.Fprintf(stderr, "qabot: %v\n", err)
		return ExitError
	}
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, secrets: secrets}
	err = a.run(ctx, args)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.Is(err, errInterrupted) || ctx.Err() != nil:
		fmt.Fprintln(stderr, "qabot: interrupted")
		return ExitInterrupted
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "qabot: %s\nRun 'qabot help' for usage.\n", redact.String(ue.msg, secrets))
		return ExitUsage
	}
	var fe *failedError
	if errors.As(err, &fe) {
		return ExitError // the command already said why
	}
	fmt.Fprintf(stderr, "qabot: %v\n", redact.String(oneLine(err.Error()), secrets))
	return ExitError
}

// A failedError ends a command that has already reported its failure.
type failedError struct{}

func (failedError) Error() string { return "failed" }

// withDotenv returns a getenv that falls back to the variables of file
// when it exists. Variables set in the environment always win, even set
// to empty.
func withDotenv(file string, lookupEnv func(string) (string, bool)) (func(string) string, error) {
	vars, err := readDotenv(file)
	if err != nil {
		return nil, err
	}
	return func(key string) string {
		if v, ok := lookupEnv(key); ok {
			return v
		}
		return vars[key]
	}, nil
}

// An app is one run of qabot: its streams, its configuration and the
// language data every command needs.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	log            *slog.Logger
	// secrets are masked in every log line and error message: the bot
	// token once the configuration is read.
	secrets *redact.Secrets
	langs   *lang.Registry

	corpusDir string // QABOT_CORPUS or --corpus, a folder or one .txt file; "" serves the embedded seeds
	dictDir   string // QABOT_DICT_DIR or --dict-dir: installed FreeDict dictionaries
	lang      string // QABOT_LANG or --lang; "" detects each question's
	// noStore keeps the article store out (qabot eval scores the files
	// it is given, whatever was added).
	noStore bool
}

// A subcommand is one command of qabot: "qabot ask ...". Its synopsis
// names every flag its FlagSet has (TestHelpComplete checks), so that the
// top-level help, built from the table, and the command's own help agree.
type subcommand struct {
	name     string
	synopsis string // what follows "qabot name" in a usage line
	summary  string // one line for the top-level help
	// flags returns the command's FlagSet, for the help; nil for none.
	flags func(a *app) *flag.FlagSet
	run   func(a *app, ctx context.Context, args []string) error
}

func subcommands() []subcommand {
	return []subcommand{
		{"chat", "[--lang xx] [--corpus PATH] [--dict-dir DIR]",
			"a conversation: on a terminal with line editing and history, otherwise each line of stdin",
			(*app).chatFlags, (*app).chat},
		{"ask", `[--json] [--chat] [--lang xx] [--corpus PATH] [--dict-dir DIR] ["question"]`,
			"answer one question, or each line of stdin",
			func(a *app) *flag.FlagSet { return a.askFlags(new(bool), new(bool)) }, (*app).ask},
		{"summary", "[--json] [--lang xx] [--corpus PATH] [--dict-dir DIR]",
			"a short summary of each article: three to five of its sentences, quoted",
			func(a *app) *flag.FlagSet { return a.summaryFlags(new(bool)) }, (*app).summary},
		{"timeline", "[--from DATE] [--to DATE] [--about WORDS] [--lang xx] [--json] [--corpus PATH] [--dict-dir DIR]",
			"the dated events of the articles, in date order",
			func(a *app) *flag.FlagSet { return a.timelineFlags(&timelineOptions{}) }, (*app).timeline},
		{"sentences", "[--json] [--corpus PATH] [--dict-dir DIR]",
			"show the articles' sentences, paragraphs and sections",
			func(a *app) *flag.FlagSet { return a.sentencesFlags(new(bool)) }, (*app).sentences},
		{"eval", "[--per-question] [--markdown] [--row LABEL] [--min-sentence P] [--min-answer P] [--min-abstain P] [--split LIST] [--hold-out-min N] [--jobs N] [--corpus PATH] [--dict-dir DIR] FILE...",
			"score question files (the format of testdata/eval)",
			func(a *app) *flag.FlagSet { return a.evalFlags(new(evalOptions)) }, (*app).eval},
		{"serve", "[--corpus PATH] [--dict-dir DIR]",
			"the Discord bot over the gateway; needs DISCORD_TOKEN, DISCORD_APP_ID",
			(*app).serveFlags, (*app).serve},
		{"serve-http", "[--addr HOST:PORT] [--register=false] [--corpus PATH] [--dict-dir DIR]",
			"Discord's HTTP interactions endpoint; also needs DISCORD_PUBLIC_KEY",
			func(a *app) *flag.FlagSet { return a.serveHTTPFlags(new(string), new(bool)) }, (*app).serveHTTP},
		{"add", "URL|FILE...",
			"add web pages or saved .html/.txt files to the local articles, which replace the embedded one",
			nil, (*app).add},
		{"articles", "[list | show N | remove N...]",
			"the local articles: list them, show the text extracted from one, remove some",
			nil, (*app).articlesCmd},
		{"report", "[--scope SCOPE]",
			"the questions qabot declined most often and the answers voted down",
			func(a *app) *flag.FlagSet { return a.reportFlags(new(string)) }, (*app).report},
		{"version", "", "the module version, commit and commit date qabot was built from",
			nil, (*app).version},
		{"help", "[command]", "this help, or a command's", nil, (*app).help},
	}
}

// usageLine writes "Usage: qabot NAME SYNOPSIS" and a blank line: the
// first lines of every command's help.
func (a *app) usageLine(w io.Writer, name string) {
	for _, c := range subcommands() {
		if c.name == name {
			fmt.Fprintf(w, "Usage: qabot %s\n\n", strings.TrimSpace(c.name+" "+c.synopsis))
			return
		}
	}
}

func (a *app) run(ctx context.Context, args []string) error {
	level, err := parseLevel(a.getenv(EnvLogLevel))
	if err != nil {
		return err
	}
	// The token is a secret whatever command runs, and whether or not
	// the configuration around it is valid.
	a.secrets.Add(strings.TrimSpace(a.getenv("DISCORD_TOKEN")))
	a.log = slog.New(redact.NewHandler(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}), a.secrets))
	a.langs, err = lang.Load(lang.Data)
	if err != nil {
		// The embedded data is checked by lang's tests; a problem here is a
		// bug to report, not a reason to refuse to answer.
		a.log.Warn("language data has problems", "err", err)
	}
	a.corpusDir = a.getenv(EnvCorpus)
	a.dictDir = a.getenv(EnvDictDir)
	if err := a.setLang(a.getenv(EnvLang)); err != nil {
		return usagef("%s: %v", EnvLang, err)
	}

	fs := a.flagSet("qabot")
	a.corpusFlag(fs)
	a.langFlag(fs)
	// Top-level flags stop at the command name: the rest is the command's.
	if err := a.parseOnce(fs, args, a.usage); err != nil {
		return err
	}
	args = fs.Args()
	if len(args) == 0 {
		return a.chat(ctx, nil)
	}
	for _, c := range subcommands() {
		if c.name == args[0] {
			return c.run(a, ctx, args[1:])
		}
	}
	if strings.ContainsAny(args[0], " ?") {
		return usagef("unknown command %q; to ask a question, run: qabot ask %q", args[0], args[0])
	}
	return usagef("unknown command %q", args[0])
}

func parseLevel(s string) (slog.Level, error) {
	if s == "" {
		return slog.LevelWarn, nil
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, usagef("%s=%q: want debug, info, warn or error", EnvLogLevel, s)
	}
	return l, nil
}

// setLang forces the reply language; "" and "auto" mean detect.
func (a *app) setLang(code string) error {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "" || code == "auto" {
		a.lang = ""
		return nil
	}
	if _, ok := a.langs.Get(code); !ok {
		return fmt.Errorf("unknown language %q (want one of %s, or auto)", code, a.langCodes())
	}
	a.lang = code
	return nil
}

func (a *app) langCodes() string {
	var codes []string
	for _, l := range a.langs.Languages() {
		codes = append(codes, l.Code)
	}
	return strings.Join(codes, " ")
}

// flagSet returns a FlagSet that leaves errors and usage to parseOnce,
// so that errors read "qabot: ask: ..." and -h prints to stdout.
func (a *app) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parseOnce reports errors, usage prints help
	fs.Usage = func() {}
	return fs
}

// corpusFlag adds the flags that choose what the engine reads: the
// articles, and optional bilingual dictionaries.
func (a *app) corpusFlag(fs *flag.FlagSet) {
	fs.Func("dict-dir", "extend the lexicons with the FreeDict dictionaries (dictd format) installed in `DIR`, e.g. /usr/share/dictd (env "+EnvDictDir+")", func(dir string) error {
		if dir == "" {
			return errors.New("empty folder name")
		}
		a.dictDir = dir
		return nil
	})
	fs.Func("corpus", "serve every .txt article of the folder `PATH`, or the one .txt article PATH, instead of the embedded one (env "+EnvCorpus+")", func(path string) error {
		if path == "" {
			return errors.New("empty corpus path")
		}
		a.corpusDir = path
		return nil
	})
}

// langFlag adds --lang, which overrides QABOT_LANG.
func (a *app) langFlag(fs *flag.FlagSet) {
	fs.Func("lang", "reply in language `xx` (ISO 639-1, or auto; env "+EnvLang+")", a.setLang)
}

// parse parses args and returns the positional arguments. Flags may
// follow positional arguments ("qabot ask 'question' --json"); "--" ends
// the flags. -h prints usage on stdout.
func (a *app) parse(fs *flag.FlagSet, args []string, usage func(io.Writer)) ([]string, error) {
	var pos []string
	for {
		if err := a.parseOnce(fs, args, usage); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseOnce is fs.Parse with qabot's handling of -h and of errors.
func (a *app) parseOnce(fs *flag.FlagSet, args []string, usage func(io.Writer)) error {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		usage(a.stdout)
		return err
	}
	if fs.Name() == "qabot" {
		return usagef("%v", err)
	}
	return usagef("%s: %v", fs.Name(), err)
}

func (a *app) usage(w io.Writer) {
	fmt.Fprint(w, `qabot answers questions about news articles and quotes the sentence that says so.

Usage:
  qabot [flags]                 the chat (the same as qabot chat)
`)
	for _, c := range subcommands() {
		fmt.Fprintf(w, "  %s\n      %s\n", strings.TrimSpace("qabot "+c.name+" "+c.synopsis), c.summary)
	}
	fmt.Fprintf(w, `
Run 'qabot help COMMAND' (or qabot COMMAND -h) for a command's flags.

In the chat: /summary, /timeline [--from DATE] [--to DATE] [WORDS], /source,
/lang xx (or /lang auto), /help, /quit (or Ctrl-D); a message that is only a
command word ("help", "summary", "tl;dr", "timeline", in any of the ten
languages) runs that command.

Environment (a .env file in the working directory fills in unset variables;
a variable set to empty in the environment stays empty):
  %-14s folder whose .txt articles (or one .txt article) are served instead of the embedded one
  %-14s reply language: %s; empty or auto: the question's
  %-14s debug, info, warn (default) or error
  %-14s folder of installed FreeDict dictionaries (dictd format) to extend the lexicons

Exit status: 0 when the command worked, answered or not; 1 on errors
(unreadable corpus, bad question file, figures below thresholds); 2 on bad usage.
`, EnvCorpus, EnvLang, a.langCodes(), EnvLogLevel, EnvDictDir)
}

func (a *app) help(ctx context.Context, args []string) error {
	if len(args) == 0 {
		a.usage(a.stdout)
		return nil
	}
	for _, c := range subcommands() {
		if c.name == args[0] && c.name != "help" {
			return c.run(a, ctx, []string{"-h"})
		}
	}
	return usagef("help: unknown command %q", args[0])
}

// printDefaults lists the flags of fs the way this help writes them:
// "--name VALUE" and the usage on the next line.
func (a *app) printDefaults(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		if name != "" {
			name = " " + name
		}
		fmt.Fprintf(w, "  --%s%s\n      %s\n", f.Name, name, usage)
	})
}

// oneLine keeps an error message on one line, so a user never sees a
// multi-line dump.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
