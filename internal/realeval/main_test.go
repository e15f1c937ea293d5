package main

import (
	"context"
	"strings"
	"testing"
)

// TestRun scores qabot and Bleve on a fixed sample of one set, and checks
// the table has both, the held-out split apart, and that floors fail and
// pass as they should.
func TestRun(t *testing.T) {
	args := []string{"--data", "../../testdata/realdata", "--sets", "xquad-dev/xling-en", "--sample", "30", "--markdown"}
	var out strings.Builder
	if err := run(context.Background(), args, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		"xquad-dev/xling-en                   en   fit+dev  qabot",
		"xquad-dev/xling-en                   en   fit+dev  bleve",
		"== real data, held-out split: reported apart",
		"| xquad-dev/xling-en | en |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	err := run(context.Background(), append(args, "--min-sentence", "xquad-dev/xling-en=100"), &out)
	if err == nil || !strings.Contains(err.Error(), "below their floors") {
		t.Errorf("a floor of 100%%: err %v", err)
	}
}
