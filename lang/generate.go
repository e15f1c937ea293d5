package lang

//go:generate go run ./internal/genplaces -data data -extra internal/genplaces/extra
