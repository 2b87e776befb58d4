import { Button, Html } from './ui';

/** Under a list: "加载更多" while there is more, a quiet end line when there is not. */
export function ListFooter({ hasMore, loadingMore, onMore, count }: { hasMore: boolean; loadingMore: boolean; onMore: () => void; count: number }) {
  if (hasMore)
    return (
      <Button loading={loadingMore} onClick={onMore}>
        {loadingMore ? '正在加载…' : '加载更多'}
      </Button>
    );
  if (!count) return null;
  return (
    <Html tag='p' className='gz-state gz-muted'>
      没有更多了（共 {count} 条）
    </Html>
  );
}
