# syntax=docker/dockerfile:1

# Build a static binary. The module and build caches are BuildKit cache
# mounts, so rebuilding after a code change downloads and compiles only
# what changed.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/qabot .

# Distroless static: CA certificates (for Discord's HTTPS) and time zone
# data, no shell, no package manager, runs as an unprivileged user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/qabot /qabot
USER nonroot:nonroot
# The seed article and language data are embedded; mount a folder and set
# QABOT_CORPUS=/corpus to serve other articles.
ENTRYPOINT ["/qabot"]
CMD ["serve"]
