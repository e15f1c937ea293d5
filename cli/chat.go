package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/qa"
)

func (a *app) chatUsage(w io.Writer) {
	a.usageLine(w, "chat")
	fmt.Fprint(w, `On a terminal: a chat with line editing and history (arrow keys). Type a
question and press Enter, or a command:

  /summary                                   a short summary of the article
  /timeline [--from DATE] [--to DATE] [WORDS] the dated events, in order (quote a
                                             date of several words: --from "July 2022")
  /source                                    the articles, with their sources
  /lang xx                                   answer in language xx (/lang auto: the question's)
  /help                                      the commands
  /quit                                      end the chat (or Ctrl-D, Ctrl-C)

A message that is only a command word in any of the ten languages ("help",
"summary", "tl;dr", "timeline", "aide", "Zusammenfassung"...) runs that
command; the words are in lang/data/<code>/chat.tsv.

The chat is a conversation: follow-ups such as "and the EU?", "who said
that?", "why?", "source?" or "tell me more" refer to the answers before.

When stdin is not a terminal, answers each line it reads in the same
format, as turns of one conversation:
  printf 'when did the talks begin?\nand where?\n' | qabot

Flags:
`)
	a.printDefaults(w, a.chatFlags())
}

func (a *app) chatFlags() *flag.FlagSet {
	fs := a.flagSet("chat")
	a.langFlag(fs)
	a.corpusFlag(fs)
	return fs
}

func (a *app) chat(ctx context.Context, args []string) error {
	pos, err := a.parse(a.chatFlags(), args, a.chatUsage)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("chat takes no arguments; to ask a question, run: qabot ask %q", strings.Join(pos, " "))
	}
	b, err := a.loadBot(ctx)
	if err != nil {
		return err
	}
	// The chat is one conversation: follow-ups refer to earlier answers.
	s := &chatSession{app: a, bot: b}
	if fd, ok := terminalFD(a.stdin, a.stdout); ok {
		return s.terminal(ctx, fd)
	}
	return s.piped(ctx)
}

// terminalFD returns the file descriptor of stdin when both stdin and
// stdout are terminals: only then can the chat edit lines and prompt.
func terminalFD(stdin io.Reader, stdout io.Writer) (int, bool) {
	in, ok := stdin.(*os.File)
	if !ok {
		return 0, false
	}
	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) || !term.IsTerminal(int(out.Fd())) {
		return 0, false
	}
	return int(in.Fd()), true
}

// A chatSession is one conversation: the questions of one user in order.
type chatSession struct {
	app  *app
	bot  *service
	seen int // replies written, to separate them with blank lines
	// lang is the language of the last reply: the hint for the next
	// question, which may be too short to tell ("and the EU?").
	lang string
}

// piped answers each line of stdin, without prompts, until the input ends
// or /quit.
func (s *chatSession) piped(ctx context.Context) error {
	return eachLine(ctx, s.app.stdin, func(line string) (bool, error) {
		return s.handle(ctx, line, s.app.stdout)
	})
}

// terminal runs the interactive chat: raw mode for line editing and
// history, restored on every way out (quit, end of input, signal, panic).
func (s *chatSession) terminal(ctx context.Context, fd int) error {
	old, err := term.MakeRaw(fd)
	if err != nil {
		return s.piped(ctx)
	}
	defer term.Restore(fd, old)

	a := s.app
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{a.stdin, a.stdout}, a.language("").Message("prompt", nil))
	// A terminal that reports no size (some ptys) keeps the default 80x24
	// rather than wrapping after every character.
	if w, h, err := term.GetSize(fd); err == nil && w > 0 && h > 0 {
		t.SetSize(w, h)
	}
	l := a.language("")
	fmt.Fprintf(t, "%s\n/help, /quit\n\n", l.Message("greeting", map[string]string{"title": articleTitles(s.bot.corpus)}))

	for {
		line, err := readTerminalLine(ctx, t)
		switch {
		case errors.Is(err, io.EOF): // Ctrl-D on an empty line, or Ctrl-C
			// Not through t: Terminal.Write would redraw the prompt and
			// the half-typed line after the goodbye.
			_, err := fmt.Fprintf(a.stdout, "\r\n%s\r\n", a.language("").Message("goodbye", nil))
			return err
		case errors.Is(err, errInterrupted):
			fmt.Fprint(a.stdout, "\r\n") // leave the half-typed line for the shell's prompt
			return err
		case errors.Is(err, term.ErrPasteIndicator):
			// A pasted line is a line like any other.
		case err != nil:
			fmt.Fprintln(t)
			return err
		}
		// Set the prompt first: Terminal.Write redraws it after the reply,
		// in the language /lang may just have chosen, or not at all after
		// /quit.
		var reply strings.Builder
		more, err := s.handle(ctx, line, &reply)
		if err != nil {
			return err
		}
		prompt := ""
		if more {
			prompt = a.language("").Message("prompt", nil)
		}
		t.SetPrompt(prompt)
		if _, err := io.WriteString(t, reply.String()); err != nil || !more {
			return err
		}
	}
}

// readTerminalLine reads a line in a goroutine so that a signal ends the
// chat at once (and the deferred Restore runs) even while waiting for a
// key.
func readTerminalLine(ctx context.Context, t *term.Terminal) (string, error) {
	ch := make(chan lineResult, 1)
	go func() {
		line, err := t.ReadLine()
		ch <- lineResult{line, err}
	}()
	select {
	case <-ctx.Done():
		return "", errInterrupted
	case r := <-ch:
		return r.line, r.err
	}
}

// handle answers one line or runs one chat command, writing to w. It
// returns false when the chat should end.
func (s *chatSession) handle(ctx context.Context, line string, w io.Writer) (bool, error) {
	a := s.app
	line = strings.TrimSpace(line)
	if line == "" {
		return true, nil
	}
	if s.seen > 0 {
		io.WriteString(w, "\n")
	}
	s.seen++
	var q command.Query
	cmd, arg, _ := strings.Cut(strings.TrimPrefix(line, "/"), " ")
	cmd, arg = strings.ToLower(cmd), strings.TrimSpace(arg)
	switch {
	case !strings.HasPrefix(line, "/"):
		// A question, or a word that is plainly a command ("help",
		// "tl;dr"), which the command layer serves as that command.
		if name, _, ok := s.bot.convs.Command(qa.Question{Text: line, LangHint: s.lang}); ok && name == "quit" {
			return s.quit(w)
		}
		q = command.Query{Command: command.Ask, Text: line, Lang: a.lang, LangHint: s.lang, Session: session}
	case cmd == "quit" || cmd == "exit" || cmd == "q":
		return s.quit(w)
	case cmd == "lang":
		return true, s.setLang(arg, w)
	case cmd == command.Help || cmd == command.Source || cmd == command.Summary:
		q = command.Query{Command: cmd, Lang: a.lang, LangHint: s.lang}
	case cmd == command.Timeline:
		var err error
		if q, err = timelineQuery(arg); err != nil {
			_, err = fmt.Fprintf(w, "%s\n/timeline [--from DATE] [--to DATE] [WORDS]\n", err)
			return err == nil, err
		}
		q.Lang, q.LangHint = a.lang, s.lang
	default:
		l := a.language(s.lang)
		_, err := fmt.Fprintf(w, "%s\n/help, /summary, /timeline, /source, /lang xx, /quit\n",
			l.Message("chat_unknown_command", map[string]string{"command": "/" + cmd}))
		return err == nil, err
	}
	reply, err := a.handle(ctx, s.bot, q)
	switch {
	case errors.Is(err, errInterrupted):
		return false, err
	case err != nil:
		_, err = io.WriteString(w, a.language("").Message("internal_error", nil)+"\n")
		return err == nil, err
	}
	if reply.Command == command.Ask {
		s.lang = reply.Lang
	}
	_, err = io.WriteString(w, a.render(reply, len(s.bot.corpus.Articles)))
	return err == nil, err
}

// quit says goodbye and ends the chat.
func (s *chatSession) quit(w io.Writer) (bool, error) {
	_, err := fmt.Fprintln(w, s.app.language(s.lang).Message("goodbye", nil))
	return false, err
}

// setLang serves /lang: with a code, reply in that language from now on
// (auto: in each question's); then say which is in force.
func (s *chatSession) setLang(arg string, w io.Writer) error {
	a := s.app
	if arg != "" {
		if err := a.setLang(arg); err != nil {
			_, err = fmt.Fprintln(w, err)
			return err
		}
	}
	cur := "auto"
	if a.lang != "" {
		cur = a.lang
		if fl, ok := a.langs.Get(a.lang); ok {
			cur = fl.Code + " (" + fl.Name + ")"
		}
	}
	_, err := fmt.Fprintf(w, "%s: %s\n", a.language("").Message("language_label", nil), cur)
	return err
}

// timelineQuery reads the arguments of /timeline: --from DATE, --to DATE
// and --about WORDS as qabot timeline takes them (a value is one word:
// quote a date of several, --from "July 2022"), and any other words as the
// topic.
func timelineQuery(arg string) (command.Query, error) {
	q := command.Query{Command: command.Timeline}
	words, err := splitArgs(arg)
	if err != nil {
		return q, err
	}
	var about []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if !strings.HasPrefix(w, "-") {
			about = append(about, w)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(w, "-"), "=")
		var dst *string
		switch name {
		case "from":
			dst = &q.From
		case "to":
			dst = &q.To
		case "about":
			dst = nil
		default:
			return q, fmt.Errorf("/timeline: unknown option %s", w)
		}
		if !hasValue {
			if i+1 >= len(words) {
				return q, fmt.Errorf("/timeline: %s needs a value", w)
			}
			i++
			value = words[i]
		}
		if dst == nil {
			about = append(about, value)
		} else {
			*dst = value
		}
	}
	q.Text = strings.Join(about, " ")
	return q, nil
}

// splitArgs splits a command line into words as a shell does for simple
// cases: spaces separate, "double" or 'single' quotes group.
func splitArgs(s string) ([]string, error) {
	var (
		words []string
		cur   strings.Builder
		quote rune
		in    bool
	)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unclosed %c quote", quote)
	}
	if in {
		words = append(words, cur.String())
	}
	return words, nil
}

// askTurn sends one turn of the CLI's conversation through the command
// layer, with the language of the previous reply as the hint.
func (a *app) askTurn(ctx context.Context, b *service, question, hint string) (command.Reply, error) {
	return a.handle(ctx, b, command.Query{Command: command.Ask, Text: question, Lang: a.lang, LangHint: hint, Session: session})
}
