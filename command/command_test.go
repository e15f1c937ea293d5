package command_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

func mustSeedRouter(t *testing.T) *command.Router {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := lang.DefaultDetector()
	if err != nil {
		t.Fatal(err)
	}
	e, err := qa.Load(seeds.FS, qa.Options{Languages: reg, Detector: d})
	if err != nil {
		t.Fatal(err)
	}
	return command.NewRouter(e, reg)
}

func TestRouter(t *testing.T) {
	r := mustSeedRouter(t)
	tests := []struct {
		name     string
		query    command.Query
		lang     string
		answered bool
		message  string // substring of Reply.Message; "" for none
		private  bool
	}{
		{"ask", command.Query{Command: command.Ask, Text: "when did albania join nato?"}, "en", true, "", false},
		{"ask in french", command.Query{Command: command.Ask, Text: "quand l'albanie a-t-elle rejoint l'otan ?"}, "fr", true, "", false},
		{"hint for a bare name", command.Query{Command: command.Ask, Text: "Edi Rama", LangHint: "de"}, "de", true, "", false},
		{"too long names its limit", command.Query{Command: command.Ask, Text: strings.Repeat("why ", 400)}, "en", false, "500", true},
		{"empty", command.Query{Command: command.Ask, Text: "   "}, "en", false, "", true},
		{"unsupported language, names still match", command.Query{Command: command.Ask, Text: "Kush është Edi Rama?"}, "en", true, "Deutsch", false},
		{"unsupported script", command.Query{Command: command.Ask, Text: "متى قطعت ألبانيا العلاقات مع إيران؟"}, "en", false, "Deutsch", false},
		{"help in the hint's language", command.Query{Command: command.Help, LangHint: "es"}, "es", false, "", false},
		{"unknown command is help", command.Query{Command: "dance"}, "en", false, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := r.Handle(context.Background(), tt.query)
			if err != nil {
				t.Fatalf("Handle(%+v) error %v", tt.query, err)
			}
			if got.Lang != tt.lang {
				t.Errorf("Handle(%+v).Lang = %q, want %q", tt.query, got.Lang, tt.lang)
			}
			if answered := got.Answer != nil && got.Answer.Answered; answered != tt.answered {
				t.Errorf("Handle(%+v) answered = %v, want %v", tt.query, answered, tt.answered)
			}
			if tt.message != "" && !strings.Contains(got.Message, tt.message) {
				t.Errorf("Handle(%+v).Message = %q, want it to contain %q", tt.query, got.Message, tt.message)
			}
			if strings.Contains(got.Message, "{") {
				t.Errorf("Handle(%+v).Message = %q has an unfilled placeholder", tt.query, got.Message)
			}
			if got.Private != tt.private {
				t.Errorf("Handle(%+v).Private = %v, want %v", tt.query, got.Private, tt.private)
			}
		})
	}
}

func TestSource(t *testing.T) {
	r := mustSeedRouter(t)
	got, err := r.Handle(context.Background(), command.Query{Command: command.Source})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Articles) != 1 || got.Articles[0].Sentences == 0 || got.Articles[0].Title == "" {
		t.Errorf("Source = %+v; want one article with a title and sentences", got.Articles)
	}
}

func TestRecover(t *testing.T) {
	h := command.Chain(command.HandlerFunc(func(context.Context, command.Query) (command.Reply, error) {
		panic("boom")
	}), command.Recover())
	_, err := h.Handle(context.Background(), command.Query{})
	var pe *command.PanicError
	if !errors.As(err, &pe) || pe.Value != "boom" || len(pe.Stack) == 0 {
		t.Errorf("Handle after a panic = %v; want a *PanicError with the value and a stack", err)
	}
}

func TestChainOrder(t *testing.T) {
	var order []string
	mw := func(name string) command.Middleware {
		return func(next command.Handler) command.Handler {
			return command.HandlerFunc(func(ctx context.Context, q command.Query) (command.Reply, error) {
				order = append(order, name)
				return next.Handle(ctx, q)
			})
		}
	}
	h := command.Chain(command.HandlerFunc(func(context.Context, command.Query) (command.Reply, error) {
		order = append(order, "handler")
		return command.Reply{}, nil
	}), mw("first"), mw("second"))
	if _, err := h.Handle(context.Background(), command.Query{}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(order, ","); got != "first,second,handler" {
		t.Errorf("middleware ran %s, want first,second,handler", got)
	}
}
