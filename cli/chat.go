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
)

func (a *app) chatUsage(w io.Writer) {
	a.usageLine(w, "chat")
	fmt.Fprint(w, `On a terminal: a chat with line editing and history (arrow keys). Type a
question and press Enter. /help shows help, /lang xx answers in language
xx (/lang auto: the question's), /quit or Ctrl-D ends the chat.

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
			t.SetPrompt("") // Terminal.Write redraws the prompt after output
			fmt.Fprintln(t, a.language("").Message("goodbye", nil))
			return nil
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
	cmd, arg, isCmd := chatCommand(line)
	if !isCmd {
		reply, err := a.askTurn(ctx, s.bot, line, s.lang)
		switch {
		case errors.Is(err, errInterrupted):
			return false, err
		case err != nil:
			_, err = io.WriteString(w, a.language("").Message("internal_error", nil)+"\n")
			return err == nil, err
		}
		s.lang = reply.Lang
		_, err = io.WriteString(w, a.human(reply))
		return err == nil, err
	}
	l := a.language("")
	var err error
	switch cmd {
	case "quit", "exit", "q":
		_, err = fmt.Fprintln(w, l.Message("goodbye", nil))
		return false, err
	case "lang":
		if arg != "" {
			if err := a.setLang(arg); err != nil {
				_, err = fmt.Fprintln(w, err)
				return err == nil, err
			}
		}
		cur := "auto"
		if a.lang != "" {
			cur = a.lang
			if fl, ok := a.langs.Get(a.lang); ok {
				cur = fl.Code + " (" + fl.Name + ")"
			}
		}
		_, err = fmt.Fprintf(w, "%s: %s\n", a.language("").Message("language_label", nil), cur)
	default: // help, and any command qabot does not know
		_, err = fmt.Fprintf(w, "%s\n\n/help, /lang xx | auto, /quit\n", l.Message("help_text", nil))
	}
	return err == nil, err
}

// chatCommand recognises "/cmd arg" lines, and the bare words help, quit
// and exit that the help text mentions.
func chatCommand(line string) (cmd, arg string, ok bool) {
	if rest, found := strings.CutPrefix(line, "/"); found {
		cmd, arg, _ = strings.Cut(rest, " ")
		return strings.ToLower(cmd), strings.TrimSpace(arg), true
	}
	switch w := strings.ToLower(line); w {
	case "help", "quit", "exit":
		return w, "", true
	}
	return "", "", false
}

// askTurn sends one turn of the CLI's conversation through the command
// layer, with the language of the previous reply as the hint.
func (a *app) askTurn(ctx context.Context, b *service, question, hint string) (command.Reply, error) {
	return a.handle(ctx, b, command.Query{Command: command.Ask, Text: question, Lang: a.lang, LangHint: hint, Session: session})
}
