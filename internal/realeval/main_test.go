package main

import (
	"context"
	"strings"
	"testing"
)

// TestRun scores qabot and Bleve on a fixed sample of one set, as text and
// as the README's Markdown, and checks that floors fail and pass as they
// should.
func TestRun(t *testing.T) {
	args := []string{"--data", "../../testdata/realdata", "--sets", "xquad-dev/xling-en", "--sample", "30"}
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{args, []string{
			"xquad-dev/xling-en                   en   fit+dev  qabot",
			"xquad-dev/xling-en                   en   fit+dev  bleve",
			"== real data, held-out split: reported apart",
			"questions, 1 sets, wall",
		}},
		{append(args, "--pool", "2", "--heldout=false"), []string{
			"(a fixed 30% sample of the articles, in corpora of up to 2 articles of a set and split)",
			"xquad-dev/xling-en                   en   fit+dev  qabot",
		}},
		{append(args, "--markdown"), []string{
			"Fit and dev splits (a fixed 30% sample of the articles):",
			"| xquad-dev/xling-en | en |",
			"Held-out split (never looked at",
		}},
	} {
		var out strings.Builder
		if err := run(context.Background(), tt.args, &out); err != nil {
			t.Fatalf("run %q: %v\n%s", tt.args, err, out.String())
		}
		for _, want := range tt.want {
			if !strings.Contains(out.String(), want) {
				t.Errorf("run %q: output lacks %q:\n%s", tt.args, want, out.String())
			}
		}
	}
	var out strings.Builder
	err := run(context.Background(), append(args, "--min-sentence", "xquad-dev/xling-en=100"), &out)
	if err == nil || !strings.Contains(err.Error(), "below their floors") {
		t.Errorf("a floor of 100%%: err %v", err)
	}
}
