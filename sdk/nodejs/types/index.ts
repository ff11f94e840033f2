// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.
import * as input from "./input";
import * as output from "./output";

export { input, output };
