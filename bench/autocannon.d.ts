/** The part of autocannon 9's API the bench uses (the package ships no types). */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: AutocannonRequest, context: object) => AutocannonRequest;
    onResponse?: (status: number, body: string, context: object) => void;
  }

  export interface AutocannonClient {
    setRequests(requests: AutocannonRequest[]): void;
  }

  export interface AutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    setupClient?: (client: AutocannonClient) => void;
  }

  export interface AutocannonResult {
    "2xx": number;
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
    requests: { average: number; total: number; sent: number };
    latency: { p50: number; p90: number; p99: number; max: number };
  }

  export interface AutocannonInstance extends EventEmitter, PromiseLike<AutocannonResult> {}

  export default function autocannon(options: AutocannonOptions): AutocannonInstance;
}
