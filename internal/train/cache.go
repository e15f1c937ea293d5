package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/qa"
)

// cached is what -cache keeps between runs: the fitted ranker and the
// calibration's questions, fit (out of fold) and dev, so that trying a
// calibration takes seconds rather than the ranker's minutes.
type cached struct {
	Ranker *qa.Ranker
	Note   []string
	Fit    []cachedSample
	Dev    []cachedSample
}

type cachedSample struct {
	Set, Lang, ArtLang, Pair string
	Fold                     int
	Answerable               eval.Answerable
	Answered, Right          bool
	X                        []float64
	Scored                   int
	Q, Quote, Gold, Article  string `json:",omitempty"`
}

func exportSamples(ss []calSample) []cachedSample {
	out := make([]cachedSample, len(ss))
	for i, s := range ss {
		out[i] = cachedSample{s.set, s.lang, s.artLang, s.pair, s.fold, s.answerable, s.answered, s.right, s.x, s.scored, s.q, s.quote, s.gold, s.article}
	}
	return out
}

func importSamples(cs []cachedSample) []calSample {
	out := make([]calSample, len(cs))
	for i, c := range cs {
		out[i] = calSample{set: c.Set, lang: c.Lang, artLang: c.ArtLang, pair: c.Pair, fold: c.Fold, answerable: c.Answerable, answered: c.Answered, right: c.Right, x: c.X, scored: c.Scored, q: c.Q, quote: c.Quote, gold: c.Gold, article: c.Article}
	}
	return out
}

func writeCache(path string, c *cached) error {
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("cache: %w", err)
	}
	return os.WriteFile(path, data, 0o644)
}

func readCache(path string) (*cached, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var c cached
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	if err := c.Ranker.Compile(); err != nil {
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	return &c, nil
}
