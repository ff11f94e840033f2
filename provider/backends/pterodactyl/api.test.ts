import { describe, expect, it } from "vitest";
import { applicationApiUrl } from "./api";

describe("the Application API's URL", () => {
  it.each([
    ["https://panel.example.com", "https://panel.example.com/api/application"],
    ["https://panel.example.com/", "https://panel.example.com/api/application"],
    ["https://example.com/panel/", "https://example.com/panel/api/application"],
    ["https://panel.example.com/api/application", "https://panel.example.com/api/application"],
    ["http://127.0.0.1:8080/api/application/", "http://127.0.0.1:8080/api/application"],
  ])("from the panel's URL %s", (endpoint, url) => {
    expect(applicationApiUrl(endpoint)).toBe(url);
  });
});
