#!/usr/bin/python3
"""pandas side of `npm run bench -- analytics`: the full metrics panel of every ticker in an archive.

Usage: /usr/bin/python3 bench/analytics-pandas.py ARCHIVE.sqlite
Reads each ticker's bars from the archive with pandas.read_sql_query, computes the same panel as
Breadth (window = the last 252 bars), and prints one JSON line with its timings and a checksum.
"""
import json
import sqlite3
import sys
import time

import numpy as np
import pandas as pd


def panel(df):
    c = df['close']
    w = df.iloc[-252:]
    wc = w['close']
    r = wc.pct_change().dropna()
    sd = r.std(ddof=1)
    last = df.index[-1]
    y = df.loc[last - pd.Timedelta(days=365):]
    dd = wc / wc.cummax() - 1
    trough = dd.idxmin()
    return {
        'openToClose': wc.iloc[-1] / w['open'].iloc[0] - 1,
        'closeToClose': wc.iloc[-1] / wc.iloc[0] - 1,
        'sincePriorClose': wc.iloc[-1] / c.iloc[-253] - 1,
        'dailyVolatility': sd,
        'annualizedVolatility': sd * np.sqrt(252),
        'averageVolume': w['volume'].mean(),
        'close': c.iloc[-1],
        'sma20': c.iloc[-20:].mean(),
        'sma50': c.iloc[-50:].mean(),
        'sma200': c.iloc[-200:].mean(),
        'ema20': c.ewm(span=20, adjust=False).mean().iloc[-1],
        'periodHigh': w['high'].max(), 'periodHighDate': w['high'].idxmax(),
        'periodLow': w['low'].min(), 'periodLowDate': w['low'].idxmin(),
        'allTimeHigh': df['high'].max(), 'allTimeHighDate': df['high'].idxmax(),
        'high52w': y['high'].max(), 'low52w': y['low'].min(),
        'distanceFromHigh52w': c.iloc[-1] / y['high'].max() - 1,
        'distanceFromLow52w': c.iloc[-1] / y['low'].min() - 1,
        'maxDrawdown': dd.min(), 'troughDate': trough, 'peakDate': wc.loc[:trough].idxmax(),
    }


def main():
    con = sqlite3.connect(sys.argv[1])
    t0 = time.perf_counter()
    c0 = time.process_time()
    tickers = [r[0] for r in con.execute('SELECT symbol FROM tickers ORDER BY symbol')]
    read = 0.0
    checksum = 0.0
    for t in tickers:
        a = time.perf_counter()
        df = pd.read_sql_query(
            'SELECT date, open, high, low, close, adj_close, volume FROM bars WHERE ticker = ? ORDER BY date',
            con, params=(t,), parse_dates=['date'], index_col='date')
        read += time.perf_counter() - a
        p = panel(df)
        checksum += p['openToClose'] + p['dailyVolatility'] + p['sma200'] + p['maxDrawdown'] + p['ema20']
    total = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(json.dumps({'tickers': len(tickers), 'seconds': total, 'cpuSeconds': cpu, 'readSeconds': read,
                      'checksum': checksum}))


if __name__ == '__main__':
    main()
