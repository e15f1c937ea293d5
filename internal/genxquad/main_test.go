package main

import "testing"

// TestCommittedOutput fails when en-over-*.jsonl are not what the
// generator writes from the committed xquad-dev files.
func TestCommittedOutput(t *testing.T) {
	if err := run("../../testdata/realdata/xquad-dev", true); err != nil {
		t.Fatal(err)
	}
}
