/** Pane texts: language choice and placeholders; both languages have every key. */
import { paneLanguage, t } from '../../../addin/i18n';

describe('i18n', () => {
  it('is Chinese by default and English for en-* display languages', () => {
    expect(paneLanguage('zh-CN')).toBe('zh');
    expect(paneLanguage('zh-TW')).toBe('zh');
    expect(paneLanguage('en-US')).toBe('en');
    expect(paneLanguage('EN-gb')).toBe('en');
    expect(paneLanguage(undefined)).toBe('zh');
  });

  it('fills placeholders and points old hosts to county-rollup validate in both languages', () => {
    expect(t('zh', 'validated', { errors: 3, warnings: 1 })).toBe('校验完成：3 个错误，1 个提醒。');
    expect(t('en', 'row', { row: 7 })).toBe('Row 7');
    expect(t('zh', 'unsupported')).toContain('county-rollup validate');
    expect(t('en', 'unsupported')).toContain('county-rollup validate');
    expect(t('zh', 'saveReminder')).toContain('CSV UTF-8（逗号分隔）');
  });
});
