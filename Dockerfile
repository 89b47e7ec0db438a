# One image for every service of the network: the command chooses hub or commune node.
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
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
USER node
