package main_test

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestMakeHelp checks that make help lists every target the Makefile
// declares phony, each with its description: a target added without a
// "## what it does" comment fails here.
func TestMakeHelp(t *testing.T) {
	data, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\.PHONY:(.*)$`).FindAllStringSubmatch(string(data), -1)
	if len(m) == 0 {
		t.Fatal("Makefile has no .PHONY line")
	}
	out, err := exec.Command("make", "-s", "help").Output()
	if err != nil {
		t.Fatalf("make help: %v", err)
	}
	listed := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && strings.HasPrefix(line, "  ") {
			listed[f[0]] = true
		}
	}
	for _, decl := range m {
		for _, target := range strings.Fields(decl[1]) {
			if !listed[target] {
				t.Errorf("make help does not list %s (give its rule a ## comment)", target)
			}
		}
	}
}
