package lang

import "testing"

func mustLoad(t testing.TB) *Registry {
	t.Helper()
	r, err := Load(Data)
	if err != nil {
		if list, ok := err.(ErrorList); ok {
			for _, e := range list {
				t.Error(e)
			}
		}
		t.Fatalf("Load(Data) = %v", err)
	}
	return r
}

func mustGet(t testing.TB, r *Registry, code string) *Language {
	t.Helper()
	l, ok := r.Get(code)
	if !ok {
		t.Fatalf("Get(%q) found no language", code)
	}
	return l
}
