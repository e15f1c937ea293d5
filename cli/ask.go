package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
)

func (a *app) askUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: qabot ask [--json] [--lang xx] [--corpus DIR] ["question"]

Answers the question with the sentence of the article that says so, and
where that sentence is. Without a question, answers each line of stdin.

With --json, prints one JSON object per question (one line each, flushed
at once): question, lang, answered, answer, quote, article, paragraph,
sentence, kind, score, and suggestions (the closest sentences) when not
answered; reason and message say why a question was not answered.
Unanswered questions are not errors: the exit status is 0 either way.

Flags:
`)
	a.printDefaults(w, a.askFlags(new(bool)))
}

func (a *app) askFlags(asJSON *bool) *flag.FlagSet {
	fs := a.flagSet("ask")
	fs.BoolVar(asJSON, "json", false, "print the machine contract: one JSON object per question")
	a.langFlag(fs)
	a.corpusFlag(fs)
	return fs
}

func (a *app) ask(ctx context.Context, args []string) error {
	var asJSON bool
	pos, err := a.parse(a.askFlags(&asJSON), args, a.askUsage)
	if err != nil {
		return err
	}
	b, err := a.loadBot()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(a.stdout)
	defer out.Flush()
	failed := false
	answer := func(question string) error {
		reply, err := a.askBot(ctx, b, question)
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
			}
			enc := json.NewEncoder(out)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(v); err != nil {
				return err
			}
		} else {
			text := a.language("").Message("internal_error", nil) + "\n"
			if err == nil {
				text = a.human(reply)
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
