package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/qabot/qabot/command"
)

func (a *app) askUsage(w io.Writer) {
	a.usageLine(w, "ask")
	fmt.Fprint(w, `Answers the question with the sentence of the article that says so, and
where that sentence is. Without a question, answers each line of stdin.

With --json, prints one JSON object per question (one line each, flushed
at once): question, lang, answered, answer, quote, article, paragraph,
sentence, kind, score, and suggestions (the closest sentences) when not
answered; reason and message say why a question was not answered.
Unanswered questions are not errors: the exit status is 0 either way.

With --chat, the lines of stdin are successive turns of one conversation:
"and the EU?", "who said that?" or "source?" refer to the answers before,
so that scripted dialogues can be scored. Without it, each line is a
question of its own.

Flags:
`)
	a.printDefaults(w, a.askFlags(new(bool), new(bool)))
}

func (a *app) askFlags(asJSON, asChat *bool) *flag.FlagSet {
	fs := a.flagSet("ask")
	fs.BoolVar(asJSON, "json", false, "print the machine contract: one JSON object per question")
	fs.BoolVar(asChat, "chat", false, "read stdin as the turns of one conversation (follow-ups refer to earlier answers)")
	a.langFlag(fs)
	a.corpusFlag(fs)
	return fs
}

func (a *app) ask(ctx context.Context, args []string) error {
	var asJSON, asChat bool
	pos, err := a.parse(a.askFlags(&asJSON, &asChat), args, a.askUsage)
	if err != nil {
		return err
	}
	b, err := a.loadBot(ctx)
	if err != nil {
		return err
	}
	lastLang := "" // the previous turn's language, the hint for the next
	out := bufio.NewWriter(a.stdout)
	defer out.Flush()
	failed := false
	answer := func(question string) error {
		var (
			reply command.Reply
			err   error
		)
		if asChat {
			reply, err = a.askTurn(ctx, b, question, lastLang)
			if err == nil {
				lastLang = reply.Lang
			}
		} else {
			reply, err = a.askBot(ctx, b, question)
		}
		if err == errInterrupted {
			return err
		}
		if err != nil {
			failed = true
		}
		if asJSON {
			v := toJSON(question, reply)
			if err != nil {
				v = errorJSON(question, a.language(""))
			} else if reply.Command != command.Ask {
				// "help", "tl;dr": a command word, answered by its command.
				v.Reason = reasonCommand
				v.Message = strings.TrimSuffix(a.render(reply, len(b.corpus.Articles)), "\n")
			}
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				return err
			}
		} else {
			text := a.language("").Message("internal_error", nil) + "\n"
			if err == nil {
				text = a.render(reply, len(b.corpus.Articles))
			}
			if _, err := io.WriteString(out, text); err != nil {
				return err
			}
		}
		return out.Flush()
	}

	if len(pos) > 0 {
		if err := answer(strings.Join(pos, " ")); err != nil {
			return err
		}
	} else {
		n := 0
		err := eachLine(ctx, a.stdin, func(line string) (bool, error) {
			// JSON output keeps one object per input line, blank lines
			// included, so that output line i answers input line i.
			if !asJSON {
				if strings.TrimSpace(line) == "" {
					return true, nil
				}
				if n > 0 {
					out.WriteByte('\n')
				}
			}
			n++
			return true, answer(line)
		})
		if err != nil {
			return err
		}
	}
	if failed {
		return &failedError{}
	}
	return nil
}
