/**
 * Published on-demand list prices `npm run cost` multiplies by, one entry per region, each with its
 * unit. They are the first pricing tier (no free tier, no savings plans), as published on
 * aws.amazon.com/pricing (us-east-1) and amazonaws.cn/pricing (cn-north-1, in CNY, converted at
 * CNY_PER_USD). Prices change: check the pages before a budget relies on these figures.
 */
export interface RegionPrices {
  readonly region: string;
  readonly currency: 'USD' | 'CNY';
  /** Step Functions Standard, per state transition. */
  readonly stateTransition: number;
  /** Lambda, per request. */
  readonly lambdaRequest: number;
  /** Lambda on Arm (Graviton), per GB-second of duration. */
  readonly lambdaArmGbSecond: number;
  /** DynamoDB on-demand, per write request unit. */
  readonly dynamoWriteUnit: number;
  /** DynamoDB on-demand, per read request unit. */
  readonly dynamoReadUnit: number;
  /** API Gateway HTTP API, per request (up to 512 KB). */
  readonly httpApiRequest: number;
  /** SNS, per publish (64 KB chunk); SMS delivery is priced separately by the carrier route. */
  readonly snsPublish: number;
}

export const CNY_PER_USD = 7.1;

const perMillion = (price: number) => price / 1_000_000;

export const LIST_PRICES: readonly RegionPrices[] = [
  {
    region: 'us-east-1',
    currency: 'USD',
    stateTransition: 0.025 / 1000,
    lambdaRequest: perMillion(0.2),
    lambdaArmGbSecond: 0.0000133334,
    dynamoWriteUnit: perMillion(0.625),
    dynamoReadUnit: perMillion(0.125),
    httpApiRequest: perMillion(1.0),
    snsPublish: perMillion(0.5),
  },
  {
    region: 'cn-north-1',
    currency: 'CNY',
    stateTransition: 0.2 / 1000,
    lambdaRequest: perMillion(1.36),
    lambdaArmGbSecond: 0.0000907816,
    // The pre-November-2024 on-demand prices: the higher of the two published, so the estimate errs high.
    dynamoWriteUnit: perMillion(11.27),
    dynamoReadUnit: perMillion(2.25),
    httpApiRequest: perMillion(8.0),
    snsPublish: perMillion(4.0),
  },
];
