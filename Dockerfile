# One image for every service of the network: the command chooses hub or commune node.

# The hub's web pages (web/dist), built with the development dependencies (Vite).
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build:web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/directory/package.json subgraphs/directory/
COPY subgraphs/deliberations/package.json subgraphs/deliberations/
COPY subgraphs/components/package.json subgraphs/components/
COPY subgraphs/node/package.json subgraphs/node/
COPY gateway/package.json gateway/
COPY demo/package.json demo/
COPY web/package.json web/
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
COPY --from=web /app/web/dist web/dist
USER node
