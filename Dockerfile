# gaibu-guard as a container: the Discord bot (`npm start`), its statistics in a volume.
#
#   docker build -t gaibu-guard .
#   docker run -d --name gaibu-guard --restart unless-stopped --env-file .env \
#     -v gaibu-guard-data:/app/data gaibu-guard
#
# The working directory is /app; DATABASE_PATH defaults to data/gaibu-guard.db, so the database and
# its key (data/stats-secret) live in the volume at /app/data. Logs are JSON lines on stderr.

# Build: npm ci installs from the lockfile, compiles better-sqlite3 and, through `prepare`, builds
# the TypeScript sources into dist/; then the development packages are removed.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

# Run: plain Node.js on the built JavaScript, as an unprivileged user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/rules ./rules
COPY --from=build /app/bin ./bin
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# SIGTERM (docker stop) lets checks in flight finish and closes the database; allow it ~30 s.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/bot/main.js"]
